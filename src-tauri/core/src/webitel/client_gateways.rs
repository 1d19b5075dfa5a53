//! The gateway endpoints (`/api/chat/bots`), and what the client accepts from a server beyond
//! "it is JSON": answers are read up to [`MAX_ANSWER_BYTES`] (a runaway reply is cut off, never
//! buffered whole), an answer to a gateway request must be that gateway (an id, and the URI
//! sent), and a gateway can be found by its URI — chat_manager's `uri` list filter — so a push
//! whose answer was lost can link the gateway it created instead of creating it twice.

use reqwest::{Method, Response};

use super::client::{WebitelClient, BOT_FIELDS, MAX_PAGES, PAGE_SIZE};
use super::client_error::ClientError;
use super::wire::{Bot, Page};

/// The most of one answer Textgate reads: far above a page of 100 gateways with long templates.
pub const MAX_ANSWER_BYTES: usize = 16 << 20;

impl WebitelClient {
    /// One page of `GET /api/chat/bots` with every field Textgate needs.
    pub async fn list_bots_page(
        &self,
        page: u32,
        query: Option<&str>,
    ) -> Result<Page<Bot>, ClientError> {
        self.list_bots_page_with(page, search(query), Listing::Custom)
            .await
    }

    /// One page of gateways, with one extra filter (`q` or `uri`).
    pub(super) async fn list_bots_page_with(
        &self,
        page: u32,
        filter: Option<(&str, String)>,
        listing: Listing,
    ) -> Result<Page<Bot>, ClientError> {
        let mut params = vec![("page", page.to_string()), ("size", PAGE_SIZE.to_string())];
        let fields = match listing {
            Listing::Custom => {
                params.push(("provider", "custom".to_string()));
                BOT_FIELDS
            }
            Listing::Everything => SUMMARY_FIELDS,
        };
        params.extend(fields.iter().map(|field| ("fields", field.to_string())));
        params.extend(filter);
        self.send(Method::GET, "chat/bots", &params, None::<&()>)
            .await
    }

    /// Every custom gateway on the server (all pages).
    pub async fn list_custom_bots(&self, query: Option<&str>) -> Result<Vec<Bot>, ClientError> {
        let bots = self.list_every_page(query, Listing::Custom).await?;
        Ok(bots.into_iter().filter(is_custom).collect())
    }

    /// Every gateway on the server, whatever its provider (all pages), without `metadata`:
    /// another provider's holds its own credentials (a Telegram token, a Meta page token).
    pub async fn list_all_bots(&self, query: Option<&str>) -> Result<Vec<Bot>, ClientError> {
        self.list_every_page(query, Listing::Everything).await
    }

    async fn list_every_page(
        &self,
        query: Option<&str>,
        listing: Listing,
    ) -> Result<Vec<Bot>, ClientError> {
        let mut bots = Vec::new();
        for page in 1..=MAX_PAGES {
            let answer = self
                .list_bots_page_with(page, search(query), listing)
                .await?;
            let done = !answer.next || answer.items.is_empty();
            bots.extend(answer.items);
            if done {
                break;
            }
        }
        Ok(bots)
    }

    /// `GET /api/chat/bots/{id}`; the answer must be that gateway.
    pub async fn get_bot(&self, id: i64) -> Result<Bot, ClientError> {
        let answer = self
            .send(Method::GET, &format!("chat/bots/{id}"), &[], None::<&()>)
            .await?;
        self.check_gateway(answer, Some(id), None)
    }

    /// `POST /api/chat/bots`; the answer must be a gateway with an id and the URI sent.
    pub async fn create_bot(&self, bot: &Bot) -> Result<Bot, ClientError> {
        let answer = self.send(Method::POST, "chat/bots", &[], Some(bot)).await?;
        self.check_gateway(answer, None, Some(&bot.uri))
    }

    /// Full update (`PUT`): the server keeps `uri` and `provider` read-only. The answer must be
    /// the gateway updated.
    pub async fn update_bot(&self, id: i64, bot: &Bot) -> Result<Bot, ClientError> {
        let answer = self
            .send(Method::PUT, &format!("chat/bots/{id}"), &[], Some(bot))
            .await?;
        self.check_gateway(answer, Some(id), Some(&bot.uri))
    }

    /// Start/Stop: `PATCH` with only `enabled`, so nothing else on the server is touched.
    pub async fn set_bot_enabled(&self, id: i64, enabled: bool) -> Result<Bot, ClientError> {
        let body = serde_json::json!({ "enabled": enabled });
        let answer = self
            .send(Method::PATCH, &format!("chat/bots/{id}"), &[], Some(&body))
            .await?;
        self.check_gateway(answer, Some(id), None)
    }

    pub async fn delete_bot(&self, id: i64) -> Result<(), ClientError> {
        let _: serde_json::Value = self
            .send(Method::DELETE, &format!("chat/bots/{id}"), &[], None::<&()>)
            .await?;
        Ok(())
    }

    /// The custom gateway whose URI is exactly `uri`, if the server has one.
    pub async fn find_custom_bot_by_uri(&self, uri: &str) -> Result<Option<Bot>, ClientError> {
        let wanted = with_leading_slash(uri.trim());
        for page in 1..=MAX_PAGES {
            // `uri` is a substring filter on the server: the exact match is checked here.
            let answer = self
                .list_bots_page_with(page, Some(("uri", wanted.clone())), Listing::Custom)
                .await?;
            let done = !answer.next || answer.items.is_empty();
            let found = answer.items.into_iter().find(|bot| {
                bot.id.is_some() && with_leading_slash(&bot.uri) == wanted && is_custom(bot)
            });
            if found.is_some() || done {
                return Ok(found);
            }
        }
        Ok(None)
    }

    /// The body of `response`, refusing to read more than [`MAX_ANSWER_BYTES`].
    pub(super) async fn read_capped(&self, mut response: Response) -> Result<Vec<u8>, ClientError> {
        let too_large = || {
            self.not_webitel(&format!(
                "its answer is larger than {} MiB, so Textgate stopped reading it",
                MAX_ANSWER_BYTES >> 20
            ))
        };
        if response
            .content_length()
            .is_some_and(|length| length > MAX_ANSWER_BYTES as u64)
        {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|error| self.transport_error(&error))?
        {
            if body.len() + chunk.len() > MAX_ANSWER_BYTES {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    /// `answer` if it is a gateway: with an id (`id` when asked about one) and, when `uri` is
    /// given, that URI (an update answer may leave the URI out).
    pub(super) fn check_gateway(
        &self,
        answer: Bot,
        id: Option<i64>,
        uri: Option<&str>,
    ) -> Result<Bot, ClientError> {
        let Some(got) = answer.id.filter(|got| *got > 0) else {
            return Err(self.not_webitel("the answer is not a gateway (it has no id)"));
        };
        if let Some(asked) = id.filter(|asked| *asked != got) {
            return Err(self.not_webitel(&format!(
                "the answer is about gateway {got}, not the gateway {asked} asked for"
            )));
        }
        if let Some(sent) = uri {
            let required = id.is_none();
            let differs = with_leading_slash(&answer.uri) != with_leading_slash(sent);
            if (required || !answer.uri.is_empty()) && differs {
                return Err(self.not_webitel(&format!(
                    "the answer is not the gateway sent (its URI is \u{201c}{}\u{201d}, not \u{201c}{}\u{201d})",
                    answer.uri.chars().take(80).collect::<String>(),
                    with_leading_slash(sent)
                )));
            }
        }
        Ok(answer)
    }
}

/// What a listing asks the server for.
#[derive(Clone, Copy)]
pub(super) enum Listing {
    /// Custom gateways only, with every field Textgate syncs (their secrets too).
    Custom,
    /// Every provider, with only what a list shows.
    Everything,
}

/// What the list of every provider asks for: what the server's own table shows.
const SUMMARY_FIELDS: &[&str] = &[
    "id",
    "name",
    "uri",
    "enabled",
    "flow",
    "provider",
    "updated_at",
];

/// Whether `bot` is a custom gateway (an answer that leaves the provider out is taken as one:
/// it came from a `provider=custom` listing).
pub fn is_custom(bot: &Bot) -> bool {
    bot.provider.is_empty() || bot.provider == "custom"
}

/// The server's `q` search, when there is one.
fn search(query: Option<&str>) -> Option<(&'static str, String)> {
    query
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(|q| ("q", q.to_string()))
}

/// The server's form of a URI: with a leading `/`.
fn with_leading_slash(uri: &str) -> String {
    if uri.starts_with('/') {
        uri.to_string()
    } else {
        format!("/{uri}")
    }
}

#[cfg(test)]
#[path = "client_gateways_tests.rs"]
mod tests;
