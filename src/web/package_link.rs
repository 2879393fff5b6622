//! Package downloads (issue 12): `/package/<token>`, the page a link sent to another
//! controller opens (Art. 20(2)), and its `/download`; and `serve`, which streams a
//! package from disk for that link and for the subject's status page alike. The file
//! goes out in chunks (`NamedFile`), never read whole into memory, always as an
//! attachment. Any other token, or a package expired or deleted: 404.

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::{ok_page, AppState, WebError};
use crate::i18n::Tr;
use crate::packaging::human_size;
use crate::workflow::packages::{self, LinkView, Served};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/package/{token}", web::get().to(show))
        .route("/package/{token}/download", web::get().to(download));
}

#[derive(Template)]
#[template(path = "package/link.html")]
struct LinkPage {
    t: Tr,
    token: String,
    v: LinkView,
}

impl LinkPage {
    fn size(&self) -> String {
        human_size(self.v.size)
    }
}

async fn show(
    mut t: Tr,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let token = path.into_inner();
    t.here = format!("/package/{token}");
    let secret = token.clone();
    let v = state
        .run(move |conn, ctx| Ok(packages::open_link(conn, ctx, &secret)?))
        .await?;
    Ok(ok_page(&LinkPage { t, token, v }))
}

async fn download(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let secret = path.into_inner();
    let served = state
        .run(move |conn, ctx| Ok(packages::link_download(conn, ctx, &secret)?))
        .await?;
    serve(&req, served).await
}

/// Stream a package as `application/zip`, an attachment under its reference's name.
/// The file may have been swept between the count and the open: then 404.
pub async fn serve(req: &HttpRequest, served: Served) -> Result<HttpResponse, WebError> {
    let path = served.path;
    let file = web::block(move || actix_files::NamedFile::open(path))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
        .map_err(|_| WebError::NotFound)?
        .set_content_type(actix_files::file_extension_to_mime("zip"))
        .set_content_disposition(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(served.file_name)],
        })
        .use_etag(false)
        .use_last_modified(false);
    let mut response = file.into_response(req);
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}
