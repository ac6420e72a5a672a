//! Unit tests for the rules, on sentences written for these tests.
