//! The `briefing` command line: a thin layer over the library.

mod cmd;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// A build allocates and frees millions of small strings and values on several threads;
/// mimalloc does that in a fraction of the instructions of glibc's malloc (see
/// docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    },
    /// Validate the content and templates; write nothing.
    Check {
        /// Site root: the folder holding content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Treat warnings (sourcing findings included) as errors.
        #[arg(long)]
        strict: bool,
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
        } => {
            let output = output.unwrap_or_else(|| root.join("output"));
            cmd::build::run(
                &root,
                &briefing::BuildOptions {
                    output,
                    force,
                    round,
                    audience,
                },
            )
        }
        Command::Check { root, strict } => cmd::check::run(&root, strict),
    }
}

fn parse_tlp(s: &str) -> Result<briefing::model::Tlp, String> {
    use briefing::model::Tlp;
    Tlp::parse(&s.to_ascii_lowercase())
        .ok_or_else(|| format!("expected one of {}", briefing::suggest::one_of(Tlp::ALL)))
}
