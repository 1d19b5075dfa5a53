//! `/api/chat/bots`: list with paging, filters (`q`, `uri`, `provider`) and field selection;
//! read; create; full and partial update; delete — with the rules the real server enforces
//! (custom gateways need a secret and a webhook, `uri` and `provider` are read-only after
//! creation, enabling needs a flow).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

use super::query::QueryParams;
use super::reply::{self, bad_request, protobuf_json, refuse, Refusal};
use super::state::{Inner, Shared};
use crate::webitel::wire::{Bot, Lookup, Metadata};
use axum::response::IntoResponse;

const DEFAULT_FIELDS: &[&str] = &["id", "name", "uri", "enabled", "flow", "provider"];

fn admin() -> Lookup {
    Lookup {
        id: Some(1),
        name: Some("Emulator admin".into()),
    }
}

pub(crate) async fn list(State(shared): State<Arc<Shared>>, RawQuery(query): RawQuery) -> Response {
    let params = QueryParams::parse(query);
    let provider = params.first("provider").map(str::to_string);
    let needle = params.first("q").map(str::to_lowercase);
    // As chat_manager's `uri` filter: a case-exact substring of the gateway's URI.
    let uri_part = params.first("uri").map(str::to_string);
    let bots: Vec<Bot> = shared
        .lock()
        .bots
        .values()
        .filter(|bot| provider.as_ref().is_none_or(|p| &bot.provider == p))
        .filter(|bot| uri_part.as_ref().is_none_or(|part| bot.uri.contains(part)))
        .filter(|bot| {
            needle.as_ref().is_none_or(|q| {
                bot.name.to_lowercase().contains(q) || bot.uri.to_lowercase().contains(q)
            })
        })
        .cloned()
        .collect();
    let fields = params.all("fields");
    let fields: Vec<&str> = if fields.is_empty() {
        DEFAULT_FIELDS.to_vec()
    } else {
        fields
    };
    let (page, bots) = params.paginate(bots);
    let items: Vec<Value> = bots
        .iter()
        .map(|bot| {
            let mut json = protobuf_json(bot);
            if let Value::Object(map) = &mut json {
                map.retain(|key, _| fields.contains(&key.as_str()));
            }
            json
        })
        .collect();
    reply::ok(protobuf_json(&page.with_items(items)))
}

pub(crate) async fn read(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    let Some(id) = parse_id(&id) else {
        return bad_request("chat.bot.read.invalid", "id: not a number");
    };
    match shared.lock().bots.get(&id) {
        Some(bot) => reply::ok(protobuf_json(bot)),
        None => reply::error(
            StatusCode::NOT_FOUND,
            "chat.bot.read.not_found",
            format!("bot {id} not found"),
        ),
    }
}

pub(crate) async fn create(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let mut bot = match serde_json::from_slice::<Bot>(&body) {
        Ok(bot) => bot,
        Err(error) => {
            return bad_request(
                "chat.bot.request.invalid",
                format!("malformed body: {error}"),
            )
        }
    };
    let mut inner = shared.lock();
    if let Err(response) = normalise_and_check(&mut bot, &inner, None) {
        return response.into_response();
    }
    let id = inner.next_id;
    inner.next_id += 1;
    let now = inner.tick();
    bot.id = Some(id);
    bot.created_at = Some(now);
    bot.updated_at = Some(now);
    bot.created_by = Some(admin());
    bot.updated_by = Some(admin());
    inner.bots.insert(id, bot.clone());
    reply::ok(protobuf_json(&bot))
}

pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    match serde_json::from_slice::<Bot>(&body) {
        Ok(bot) => replace(&shared, &id, |_| Ok(bot)),
        Err(error) => bad_request(
            "chat.bot.request.invalid",
            format!("malformed body: {error}"),
        ),
    }
}

pub(crate) async fn patch(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let changes = match serde_json::from_slice::<Value>(&body) {
        Ok(Value::Object(changes)) => changes,
        _ => {
            return bad_request(
                "chat.bot.request.invalid",
                "malformed body: expected a JSON object",
            )
        }
    };
    replace(&shared, &id, |current| {
        let mut merged = serde_json::to_value(current).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut merged {
            map.extend(changes);
        }
        serde_json::from_value(merged).map_err(|error| {
            refuse(
                "chat.bot.request.invalid",
                format!("malformed body: {error}"),
            )
        })
    })
}

pub(crate) async fn remove(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    let removed = parse_id(&id).and_then(|id| shared.lock().bots.remove(&id));
    match removed {
        Some(bot) => reply::ok(protobuf_json(&bot)),
        None => bad_request("chat.bot.delete.not_found", format!("bot {id} not found")),
    }
}

/// Shared by PUT and PATCH: builds the new version from the stored one, enforces the rules.
fn replace(shared: &Shared, id: &str, next: impl FnOnce(&Bot) -> Result<Bot, Refusal>) -> Response {
    let Some(id) = parse_id(id) else {
        return bad_request("chat.bot.update.invalid", "id: not a number");
    };
    let mut inner = shared.lock();
    let Some(current) = inner.bots.get(&id).cloned() else {
        return reply::error(
            StatusCode::NOT_FOUND,
            "chat.bot.update.not_found",
            format!("bot {id} not found"),
        );
    };
    let mut bot = match next(&current) {
        Ok(bot) => bot,
        Err(refusal) => return refusal.into_response(),
    };
    if bot.uri.is_empty() {
        bot.uri = current.uri.clone();
    }
    if bot.provider.is_empty() {
        bot.provider = current.provider.clone();
    }
    if with_leading_slash(&bot.uri) != current.uri {
        return bad_request("chat.bot.update.uri.readonly", "uri: attribute is readonly");
    }
    if bot.provider != current.provider {
        return bad_request(
            "chat.bot.update.provider.readonly",
            "provider: attribute is readonly",
        );
    }
    if let Err(response) = normalise_and_check(&mut bot, &inner, Some(id)) {
        return response.into_response();
    }
    bot.id = Some(id);
    bot.created_at = current.created_at;
    bot.created_by = current.created_by.clone();
    bot.updated_at = Some(inner.tick());
    bot.updated_by = Some(admin());
    inner.bots.insert(id, bot.clone());
    reply::ok(protobuf_json(&bot))
}

fn normalise_and_check(bot: &mut Bot, inner: &Inner, own_id: Option<i64>) -> Result<(), Refusal> {
    if bot.name.trim().is_empty() {
        return Err(refuse("chat.bot.name.required", "name: required"));
    }
    if bot.provider.is_empty() {
        return Err(refuse("chat.bot.provider.required", "provider: required"));
    }
    if bot.uri.trim().is_empty() {
        return Err(refuse("chat.bot.uri.required", "uri: required"));
    }
    bot.uri = with_leading_slash(bot.uri.trim());
    if bot.uri.contains('?') || bot.uri.contains('#') {
        return Err(refuse(
            "chat.bot.uri.invalid",
            "uri: query or fragment is not allowed",
        ));
    }
    if inner
        .bots
        .values()
        .any(|other| other.uri == bot.uri && other.id != own_id)
    {
        return Err(refuse("chat.bot.uri.conflict", "uri: already in use"));
    }
    if bot.provider == "custom" {
        // The server builds the gateway's templates before it reads the metadata.
        let templates = bot.updates.clone().unwrap_or_default().into();
        if let Some(refusal) = crate::gateway_templates::server_refusal(&templates) {
            return Err(refuse(crate::gateway_templates::REFUSAL_ID, refusal.detail));
        }
        if bot.metadata.get(Metadata::SECRET).is_none_or(str::is_empty) {
            return Err(refuse(
                "chat.bot.custom.secret.required",
                "custom: secret required",
            ));
        }
        let webhook_ok = bot
            .metadata
            .get(Metadata::WEBHOOK)
            .and_then(|hook| url::Url::parse(hook).ok())
            .is_some_and(|url| {
                matches!(url.scheme(), "http" | "https") && url.host_str().is_some()
            });
        if !webhook_ok {
            return Err(refuse(
                "chat.bot.custom.webhook.invalid",
                "custom: webhook required",
            ));
        }
    }
    let has_flow = bot
        .flow
        .as_ref()
        .and_then(|flow| flow.id)
        .is_some_and(|id| id != 0);
    if bot.enabled && !has_flow {
        return Err(refuse(
            "chat.bot.flow.required",
            "flow: required to enable the gateway",
        ));
    }
    Ok(())
}

fn with_leading_slash(uri: &str) -> String {
    if uri.starts_with('/') {
        uri.to_string()
    } else {
        format!("/{uri}")
    }
}

fn parse_id(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}
