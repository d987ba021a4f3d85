//! Output formats. The library produces plain data; these functions write it.

pub mod csv;
pub mod dot;
pub mod fit;
pub mod follow;
pub mod json;
pub mod markdown;
pub mod mermaid;
pub mod notes;
pub mod plan;
pub mod ready;
pub mod report;
pub mod review;
pub mod session_table;
pub mod sheet;
pub mod status;
pub mod svg;
pub mod table;
pub mod wrap;
