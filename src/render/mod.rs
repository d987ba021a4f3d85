//! Output formats. The library produces plain data; these functions write it.

pub mod clock;
pub mod csv;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod plan;
pub mod ready;
pub mod table;
