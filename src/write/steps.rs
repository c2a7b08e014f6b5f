//! The steps of a write, each reported to an [`Observer`] before it is taken, so that a
//! test can fail a write (a full disk) or stop the process (a crash) at any one of them.

use std::io;

/// A change the writer is about to make on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// Removing what an interrupted write left beside the output folder.
    Recover,
    /// Making the staging folder beside the output folder.
    Begin,
    /// Writing an output file (new or changed) into the staging folder.
    Write(&'a str),
    /// Linking a file of the output folder whose bytes did not change into the staging
    /// folder (it keeps its modification time).
    Link(&'a str),
    /// Carrying a file briefing did not write (taken over with `--force`) into the
    /// staging folder.
    Carry(&'a str),
    /// Writing the manifest into the staging folder.
    Manifest,
    /// Switching the staging folder and the output folder.
    Switch,
    /// Marking the previous output, now beside the output folder, for removal.
    Retire,
    /// Removing one file of the previous output.
    Remove(&'a str),
    /// Removing the folder that held the previous output.
    Finish,
}

impl Step<'_> {
    /// The step's kind, without the file it concerns.
    pub fn name(&self) -> &'static str {
        match self {
            Step::Recover => "recover",
            Step::Begin => "begin",
            Step::Write(_) => "write",
            Step::Link(_) => "link",
            Step::Carry(_) => "carry",
            Step::Manifest => "manifest",
            Step::Switch => "switch",
            Step::Retire => "retire",
            Step::Remove(_) => "remove",
            Step::Finish => "finish",
        }
    }
}

/// Told of every step before it is taken; an error fails the step as the file system
/// would (a full disk).
pub trait Observer: Sync {
    /// Called before `step`; an error is reported as the step's own.
    fn step(&self, step: Step<'_>) -> io::Result<()>;
}

/// The observer of an ordinary build: every step goes ahead.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unobserved;

impl Observer for Unobserved {
    fn step(&self, _: Step<'_>) -> io::Result<()> {
        Ok(())
    }
}
