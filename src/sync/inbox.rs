//! What the inbox holds and what was quarantined, for `inbox list`.

use serde::Serialize;

use crate::register::RegisterError;
use crate::register::sync::{self as store, InboxRow, QuarantineRow};

#[derive(Debug, Serialize)]
pub struct Listing {
    pub received: Vec<InboxRow>,
    pub quarantined: Vec<QuarantineRow>,
}

pub fn list(conn: &rusqlite::Connection) -> Result<Listing, RegisterError> {
    Ok(Listing {
        received: store::inbox_list(conn)?,
        quarantined: store::quarantine_list(conn)?,
    })
}
