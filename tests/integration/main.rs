//! Integration tests: the library and the binary driven on fixture sites.

mod audience;
mod build;
mod cli;
mod common;
mod incremental;
mod scaffold;
mod schema;
mod serve;
mod snapshots;
mod templates;
mod validation;
