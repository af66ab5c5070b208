//! `hub trace list|respond`: the requests stations sent through the hub, as the NPC's register
//! holds them, and the answers the NPC signs (mailed to the station at its next sync).

use serde::Serialize;

use crate::context::Ctx;
use crate::trace::status::{self, ReceivedRequest};
use crate::vocab::AckStatus;

/// A received request, and how long it has waited for an answer when it is overdue.
#[derive(Debug, Serialize)]
pub struct Waiting {
    #[serde(flatten)]
    pub request: ReceivedRequest,
    /// Days since it was received, when it waited past `answer_days` without an answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue_days: Option<i64>,
}

/// Every request received, or only those not answered within `[deadlines] answer_days`.
pub fn received(ctx: &Ctx, only_overdue: bool) -> anyhow::Result<Vec<Waiting>> {
    let register = ctx.register_read()?;
    let deadlines = ctx.deadlines()?;
    let now = ctx.clock.now();
    let mut listed = Vec::new();
    for request in status::received(register.conn())? {
        let waited = chrono::DateTime::parse_from_rfc3339(&request.received_at)
            .ok()
            .map(|at| (now - at.with_timezone(&chrono::Utc)).num_days());
        let open = request.answered_at.is_none() && request.status != AckStatus::Rejected.as_str();
        let overdue_days = waited.filter(|&days| open && days > i64::from(deadlines.answer_days));
        if only_overdue && overdue_days.is_none() {
            continue;
        }
        listed.push(Waiting {
            request,
            overdue_days,
        });
    }
    Ok(listed)
}
