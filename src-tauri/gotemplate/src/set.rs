//! Several templates parsed into one namespace, as Webitel's server keeps a gateway's Templates
//! tab: each key is `root.New(key).Parse(text)` on one root, so a template may call another with
//! `template`, and a later `define` replaces an earlier one unless its body is empty (Go's
//! `associate`).

use std::collections::HashMap;
use std::sync::Arc;

use super::ast::List;
use super::value::Value;
use super::{exec, parse, parse::is_empty_tree, Delims, MissingKey, TemplateError};

/// Go's associated templates: one namespace, parsed text by text.
#[derive(Debug, Clone, Default)]
pub struct TemplateSet {
    trees: HashMap<String, List>,
    /// For each template, the key and text it was parsed from (Go's `Tree.ParseName` and
    /// text), to locate its render errors as Go does: in the text that defined it.
    origins: HashMap<String, (String, Arc<str>)>,
}

impl TemplateSet {
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses `text` under `name` into the set (Go's `set.New(name).Parse(text)`). On a parse
    /// error the set is left as it was.
    pub fn add(&mut self, name: &str, text: &str, delims: &Delims) -> Result<(), TemplateError> {
        let parsed = parse(name, text, delims)?;
        let text: Arc<str> = Arc::from(text);
        for (tree_name, tree) in parsed.trees {
            if is_empty_tree(&tree) && self.trees.contains_key(&tree_name) {
                continue;
            }
            self.origins
                .insert(tree_name.clone(), (name.to_string(), Arc::clone(&text)));
            self.trees.insert(tree_name, tree);
        }
        Ok(())
    }

    /// Whether the set holds a template of that name (Go's `Lookup(name) != nil`).
    pub fn contains(&self, name: &str) -> bool {
        self.trees.contains_key(name)
    }

    /// Renders the template `name` of the set over `data` (Go's `Lookup(name).Execute`).
    pub fn render_bytes(
        &self,
        name: &str,
        data: &Value,
        missing: MissingKey,
    ) -> Result<Vec<u8>, TemplateError> {
        let origin = |tmpl: &str| match self.origins.get(tmpl) {
            Some((parse_name, text)) => (parse_name.clone(), text.to_string()),
            None => (tmpl.to_string(), String::new()),
        };
        exec::execute(&self.trees, name, &origin, missing, data)
    }
}

#[cfg(test)]
#[path = "set_tests.rs"]
mod tests;
