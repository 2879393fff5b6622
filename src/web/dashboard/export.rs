//! `GET /dashboard/export.csv`: the queue's current filter as CSV, for every staff role
//! (issue 9). The export is audited before the first byte, then streamed from a blocking
//! thread in batches, so memory stays flat whatever the number of rows.

use actix_web::{web, HttpResponse};

use super::queue::{parse_filters, QueueParams};
use crate::web::extract::CurrentUser;
use crate::web::{AppState, WebError};
use crate::workflow::{export, view, Ctx};

/// Batches in flight between the database thread and the socket.
const CHUNKS_IN_FLIGHT: usize = 4;

pub(super) async fn export_csv(
    state: web::Data<AppState>,
    CurrentUser { user, .. }: CurrentUser,
    q: web::Query<QueueParams>,
) -> Result<HttpResponse, WebError> {
    let (f, mut filter) = parse_filters(&q, &user)?;
    let what = format!("queue export: {}", f.query());
    let urgency = f.urgency.clone();
    let filter = state
        .run(move |conn, ctx| {
            filter.urgency = match urgency.as_str() {
                "overdue" => Some(view::urgency_filter(ctx, true)),
                "soon" => Some(view::urgency_filter(ctx, false)),
                _ => None,
            };
            export::record(conn, ctx, &user, &what)?;
            Ok(filter)
        })
        .await?;
    // `Err` in the channel: the export failed midway (database gone). The stream then
    // fails, so the response is cut off without its final chunk and the client reports
    // a failed download instead of keeping a short file that looks whole.
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, ()>>(CHUNKS_IN_FLIGHT);
    let state = state.into_inner();
    actix_web::rt::task::spawn_blocking(move || {
        let mut conn = match state.pool.get() {
            Ok(c) => c,
            Err(e) => {
                tracing::error!(error = %e, "queue export: no database connection");
                let _ = tx.blocking_send(Err(()));
                return;
            }
        };
        let ctx = Ctx {
            settings: &state.settings,
            now: state.clock.now(),
        };
        // A reader that went away ends the loop (send fails).
        match export::queue_csv(&mut conn, &ctx, &filter, |chunk| {
            tx.blocking_send(Ok(chunk)).is_ok()
        }) {
            Ok(rows) => tracing::info!(rows, "queue exported"),
            Err(e) => {
                tracing::error!(error = %e, "queue export stopped; the download is cut off");
                let _ = tx.blocking_send(Err(()));
            }
        }
    });
    let body = futures_util::stream::unfold(rx, |mut rx| async move {
        let chunk = rx.recv().await?;
        let item = chunk
            .map(web::Bytes::from)
            .map_err(|()| actix_web::error::ErrorInternalServerError("export stopped"));
        Some((item, rx))
    });
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"queue.csv\"",
        ))
        .streaming(body))
}
