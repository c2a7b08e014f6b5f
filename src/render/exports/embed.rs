//! The scripts that let an embed size itself in a host page: one the embeds load, which
//! posts their height to the page framing them, and one the host page loads, which
//! sizes the iframe. Both are external files, so the embeds keep CSP `script-src 'self'`.

/// Loaded by every embed page: posts the page's height to its parent.
pub const SIZE_SCRIPT: &str = include_str!("../../../assets/embed-size.js");

/// For host pages: sizes each iframe marked `data-briefing-embed` to its content.
pub const HOST_SCRIPT: &str = include_str!("../../../assets/embed-host.js");
