//! Integration tests: the library and the binary driven on fixture sites.

mod analysis;
mod audience;
mod browser;
mod build;
mod charts;
mod claims;
mod cli;
mod common;
mod document_rounds;
mod documents;
mod exports;
mod hostile;
mod incremental;
mod long_negotiation;
mod matrix_layout;
mod pagination;
mod relations;
mod scaffold;
mod schema;
mod serve;
mod snapshots;
mod sourcing;
mod templates;
mod timetravel;
mod validation;
mod writes;
