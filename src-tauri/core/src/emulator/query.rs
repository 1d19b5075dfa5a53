//! The query string of the emulator's list endpoints (`/api/chat/bots`, the flow schemas):
//! repeated keys kept (`type=chat&type=default`) and Webitel's paging (`page`, `size`). A leaf
//! of the emulator that the route modules share, so they do not import one another.

use crate::webitel::wire::Page;

/// Query parameters with repeated keys kept (`type=chat&type=default`).
pub(crate) struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    pub fn parse(raw: Option<String>) -> Self {
        let raw = raw.unwrap_or_default();
        Self(
            url::form_urlencoded::parse(raw.as_bytes())
                .into_owned()
                .collect(),
        )
    }

    pub fn first(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    pub fn all(&self, key: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Cuts one page (`page` from 1, `size` default 16, at most 1000) out of `items`.
    pub fn paginate<T>(&self, items: Vec<T>) -> (PageInfo, Vec<T>) {
        let page = self
            .first("page")
            .and_then(|p| p.parse::<usize>().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1);
        let size = self
            .first("size")
            .and_then(|s| s.parse::<usize>().ok())
            .filter(|s| *s >= 1)
            .unwrap_or(16)
            .min(1000);
        let start = (page - 1).saturating_mul(size);
        let next = items.len() > start.saturating_add(size);
        let items: Vec<T> = items.into_iter().skip(start).take(size).collect();
        (
            PageInfo {
                page: page as i64,
                next,
            },
            items,
        )
    }
}

pub(crate) struct PageInfo {
    page: i64,
    next: bool,
}

impl PageInfo {
    pub fn with_items<T>(self, items: Vec<T>) -> Page<T> {
        Page {
            page: Some(self.page),
            next: self.next,
            items,
        }
    }
}
