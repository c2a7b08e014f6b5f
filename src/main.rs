//! The `briefing` command line: a thin layer over the library.

mod cmd;

use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

/// A build allocates and frees millions of small strings and values on several threads;
/// mimalloc does that in a fraction of the instructions of glibc's malloc (see
/// docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// Two of mimalloc's C functions (declared here: the mimalloc crate does not re-export
// them, and they are in the library it links either way).
unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    #[cfg(test)]
    fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
}

/// `mi_option_purge_delay`, sixteenth in mimalloc 3's `mi_option_e` (checked by a test).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Keeps freed memory for reuse instead of returning it to the system a second later.
/// A build frees and allocates hundreds of megabytes for seconds on end; returned
/// memory comes back as fresh pages the kernel must zero (23% of the first seconds of a
/// 100,000-item build). A build process ends soon after, so the memory it keeps is given
/// back then; `serve` keeps mimalloc's default.
fn keep_freed_memory() {
    // SAFETY: sets an integer option; mimalloc reads options with atomics.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

/// Static site generator for diplomatic briefings.
#[derive(Parser)]
#[command(name = "briefing", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the content and build the site into the output folder.
    Build {
        /// Site root: the folder holding content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder (default: <root>/output).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Write into a non-empty folder that briefing did not create.
        #[arg(long)]
        force: bool,
        /// Id of the round that leads the front page (default: the latest round to have
        /// started by the as-of date).
        #[arg(long, value_name = "ID")]
        round: Option<String>,
        /// Highest TLP marking to include: clear, green, amber, amber+strict or red
        /// (default: `audience` in site.yaml, else clear).
        #[arg(long, value_parser = parse_tlp)]
        audience: Option<briefing::model::Tlp>,
        /// Print how long each stage took (on standard error).
        #[arg(long)]
        timings: bool,
        /// Write data/briefing.json indented, for reading it while debugging (it is
        /// compact, one item per line, otherwise).
        #[arg(long)]
        pretty_json: bool,
    },
    /// Validate the content and templates; write nothing.
    Check {
        /// Site root: the folder holding content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Treat warnings (sourcing findings included) as errors.
        #[arg(long)]
        strict: bool,
        /// How to print problems: `human` (with source lines) or `json` (on standard output).
        #[arg(long, value_enum, default_value = "human")]
        format: cmd::report::Format,
        /// Also print the translation status: per language, the items translated,
        /// missing and stale, then the lists (in JSON: a `translations` member).
        #[arg(long)]
        translations: bool,
    },
    /// Create a new site with one commented example of each kind; overwrites nothing.
    Init {
        /// Folder for the new site (created if needed).
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Create a new item with its required fields as placeholders.
    New {
        /// actor, source, meeting, statement, guarantee or round.
        kind: String,
        /// The new item's id: lower-case letters, digits and hyphens.
        id: String,
        /// Title (or name) of the item (default: made from the id).
        #[arg(long, conflicts_with = "lang")]
        title: Option<String>,
        /// Create a translation of the existing item `id` into this declared language
        /// instead (`<id>.<lang>.md` beside it), its words to translate pre-filled.
        #[arg(long)]
        lang: Option<String>,
        /// Site root: the folder holding content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Write JSON Schemas of site.yaml and each kind's fields, for editors.
    Schema {
        /// Folder to write the .schema.json files into.
        #[arg(long, default_value = "schemas")]
        out: PathBuf,
    },
    /// Serve the site over HTTP, rebuilding and reloading the browser on every change.
    Serve {
        /// Site root: the folder holding content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on (0: any free port).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Address to listen on; only loopback unless you ask, e.g. 0.0.0.0.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Highest TLP marking to include, as for `build` (default: `audience` in site.yaml).
        #[arg(long, value_parser = parse_tlp)]
        audience: Option<briefing::model::Tlp>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            force,
            round,
            audience,
            timings,
            pretty_json,
        } => {
            if timings {
                briefing::timings::enable();
            }
            keep_freed_memory();
            let output = output.unwrap_or_else(|| root.join("output"));
            cmd::build::run(
                &root,
                &briefing::BuildOptions {
                    output,
                    force,
                    round,
                    audience,
                    pretty_json,
                },
            )
        }
        Command::Check {
            root,
            strict,
            format,
            translations,
        } => cmd::check::run(&root, strict, format, translations),
        Command::Init { dir } => cmd::init::run(&dir),
        Command::New {
            kind,
            id,
            title,
            lang,
            root,
        } => match lang {
            Some(lang) => cmd::new::translation(&root, &kind, &id, &lang),
            None => cmd::new::run(&root, &kind, &id, title.as_deref()),
        },
        Command::Schema { out } => cmd::schema::run(&out),
        Command::Serve {
            root,
            port,
            bind,
            open,
            audience,
        } => cmd::serve::run(&root, SocketAddr::new(bind, port), open, audience),
    }
}

fn parse_tlp(s: &str) -> Result<briefing::model::Tlp, String> {
    use briefing::model::Tlp;
    Tlp::parse(&s.to_ascii_lowercase())
        .ok_or_else(|| format!("expected one of {}", briefing::suggest::one_of(Tlp::ALL)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purge_delay_option_is_the_one_set() {
        // mimalloc 3's default purge delay is 1000 ms (v2's is 10): another number here
        // means an upgrade moved the option and `keep_freed_memory` sets the wrong one.
        // SAFETY: reads an integer option.
        assert_eq!(unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }, 1000);
    }
}
