//! Several templates parsed into one namespace, as Webitel's server keeps a gateway's Templates
//! tab: each key is `root.New(key).Parse(text)` on one root, so a template may call another with
//! `template`, and a later `define` replaces an earlier one unless its body is empty (Go's
//! `associate`).

use std::collections::HashMap;

use super::ast::List;
use super::value::Value;
use super::{exec, parse, parse::is_empty_tree, Delims, MissingKey, TemplateError};

/// Go's associated templates: one namespace, parsed text by text.
#[derive(Debug, Clone, Default)]
pub struct TemplateSet {
    trees: HashMap<String, List>,
    /// The text each parse name was parsed from, to locate render errors.
    texts: HashMap<String, String>,
}

impl TemplateSet {
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses `text` under `name` into the set (Go's `set.New(name).Parse(text)`). On a parse
    /// error the set is left as it was.
    pub fn add(&mut self, name: &str, text: &str, delims: &Delims) -> Result<(), TemplateError> {
        let parsed = parse(name, text, delims)?;
        for (tree_name, tree) in parsed.trees {
            if is_empty_tree(&tree) && self.trees.contains_key(&tree_name) {
                continue;
            }
            self.trees.insert(tree_name, tree);
        }
        self.texts.insert(name.to_string(), text.to_string());
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
        let text = self.texts.get(name).map_or("", String::as_str);
        exec::execute(&self.trees, name, text, missing, data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Account;

    fn render(set: &TemplateSet, name: &str) -> String {
        let out = set
            .render_bytes(name, &Account::sample().to_value(), MissingKey::Error)
            .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn templates_of_one_set_call_each_other() {
        let mut set = TemplateSet::new();
        let webitel = Delims::webitel();
        set.add(
            "title",
            r#"$(define "who")$(.FirstName)$(end)Agent $(template "who" .)"#,
            &webitel,
        )
        .unwrap();
        set.add("join", r#"$(template "who" .) joined"#, &webitel)
            .unwrap();
        assert_eq!(render(&set, "title"), "Agent Ann");
        assert_eq!(render(&set, "join"), "Ann joined");
        assert!(set.contains("who"));
    }

    #[test]
    fn an_empty_redefinition_keeps_the_old_body_and_a_failed_parse_changes_nothing() {
        let mut set = TemplateSet::new();
        let webitel = Delims::webitel();
        set.add("join", "$(.FirstName) joined", &webitel).unwrap();
        set.add("left", r#"$(define "join")  $(end)left"#, &webitel)
            .unwrap();
        assert_eq!(render(&set, "join"), "Ann joined");
        assert!(set.add("close", "$(md2 .)", &webitel).is_err());
        assert!(!set.contains("close"));
    }

    #[test]
    fn a_missing_template_is_an_error_not_a_panic() {
        let set = TemplateSet::new();
        assert!(set
            .render_bytes("nope", &Value::Nil, MissingKey::Error)
            .is_err());
    }
}
