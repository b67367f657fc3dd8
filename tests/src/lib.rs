//! Test suites for `nexus-errors`; this library only runs the README's examples as doctests.
#![doc = include_str!("../README.md")]
