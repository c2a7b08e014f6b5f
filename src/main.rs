//! The `briefing` command line: a thin layer over the library.

mod cmd;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

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
    },
    /// Validate the content and templates; write nothing.
    Check {
        /// Site root: the folder holding content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print problems: `human` (with source lines) or `json` (on standard output).
        #[arg(long, value_enum, default_value = "human")]
        format: cmd::report::Format,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            force,
        } => {
            let output = output.unwrap_or_else(|| root.join("output"));
            cmd::build::run(&root, &briefing::BuildOptions { output, force })
        }
        Command::Check { root, format } => cmd::check::run(&root, format),
    }
}
