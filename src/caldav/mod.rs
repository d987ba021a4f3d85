//! The plan in a CalDAV calendar collection (RFC 4791): `learnpath sync`. The [`client`]
//! speaks HTTP (WebDAV's PROPFIND and REPORT, conditional PUT and DELETE), [`xml`] reads the
//! server's multistatus replies, [`resource`] writes and reads one event, [`sync`] decides
//! and makes the changes, and [`credentials`] finds the login. The [`address`] is checked
//! before anything is sent: https, or http to this machine only.

pub mod address;
pub mod client;
pub mod credentials;
pub mod resource;
pub mod sync;
pub mod xml;

pub use address::CollectionUrl;
pub use client::Client;
pub use credentials::Credentials;
pub use sync::{Report, Step, sync};
