//! The data a template sees, modelled on the Go values `text/template` handles through
//! reflection: Go's type matters to the output (`%T`, `print` spacing, comparisons, error
//! wording), so every value keeps its Go type. Strings are bytes, as in Go: a template can build
//! bytes that are not UTF-8 (`"\xff"`), and `len` counts bytes.

use std::collections::BTreeMap;
use std::rc::Rc;

/// A Go value as a template sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// No value at all (Go's invalid `reflect.Value`): nil data, an untyped `nil`.
    Nil,
    /// A nil `interface{}` held by a map or list (Go's JSON `null`). Reading a field of it fails
    /// even with missingkey=zero, unlike [`Value::Nil`].
    NilInterface,
    Bool(bool),
    /// Go `int` (number literals, `len`, range indexes).
    Int(i64),
    /// Go `int64` (`Account.Id`).
    Int64(i64),
    /// Go `uint8` (`index` of a string).
    Uint8(u8),
    Float(f64),
    Complex(f64, f64),
    /// Go `string`: bytes, usually UTF-8. Shared, so handing a long string from a variable
    /// to a function or a template call copies a pointer, not the bytes.
    String(Rc<[u8]>),
    /// Go `[]interface {}`.
    List(Rc<Vec<Value>>),
    /// Go `map[string]interface {}`; iterated in key order, as Go's template and fmt do.
    Map(Rc<BTreeMap<String, Value>>),
    /// A Go struct or pointer to struct, such as Webitel's `*chat.Account`.
    Struct(Rc<StructValue>),
}

/// A Go struct: its type name (`chat.Account`), whether the template gets a pointer to it, and
/// its exported fields in declaration order.
#[derive(Debug, Clone, PartialEq)]
pub struct StructValue {
    pub type_name: String,
    pub pointer: bool,
    pub fields: Vec<(String, Value)>,
}

impl StructValue {
    pub fn field(&self, name: &str) -> Option<&Value> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

/// Webitel's template context (`chat.Account`), which the server hands to `title`, `join` and
/// `left` as a pointer. A struct, not a map: an unknown field always fails.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Account {
    pub id: i64,
    pub channel: String,
    pub contact: String,
    pub first_name: String,
    pub last_name: String,
    pub username: String,
}

impl Account {
    /// The sample context of the live preview and the CLI.
    pub fn sample() -> Self {
        Account {
            id: 42,
            channel: "custom".into(),
            contact: "+380501234567".into(),
            first_name: "Ann".into(),
            last_name: "Smith".into(),
            username: "ann.smith".into(),
        }
    }

    /// The peer Webitel's server test-renders templates with before accepting them.
    pub fn server_test_peer() -> Self {
        Account {
            id: 0,
            channel: "telegram".into(),
            contact: "7654321".into(),
            first_name: "José Antonio".into(),
            last_name: "Domínguez Bandera".into(),
            username: "banderas".into(),
        }
    }

    /// Fills the struct from JSON the way Go's `encoding/json` does: keys match field names
    /// case-insensitively, unknown keys are ignored, missing ones keep their zero value.
    pub fn from_json(json: &serde_json::Value) -> Result<Self, String> {
        let obj = json
            .as_object()
            .ok_or_else(|| "the context must be a JSON object".to_string())?;
        let mut acc = Account {
            id: 0,
            channel: String::new(),
            contact: String::new(),
            first_name: String::new(),
            last_name: String::new(),
            username: String::new(),
        };
        for (key, v) in obj {
            let text = |v: &serde_json::Value| match v {
                serde_json::Value::String(s) => Ok(s.clone()),
                serde_json::Value::Null => Ok(String::new()),
                _ => Err(format!("{key}: expected a string")),
            };
            match key.to_ascii_lowercase().as_str() {
                "id" => {
                    acc.id = match v {
                        serde_json::Value::Null => 0,
                        _ => v
                            .as_i64()
                            .ok_or_else(|| format!("{key}: expected an integer"))?,
                    }
                }
                "channel" => acc.channel = text(v)?,
                "contact" => acc.contact = text(v)?,
                "firstname" => acc.first_name = text(v)?,
                "lastname" => acc.last_name = text(v)?,
                "username" => acc.username = text(v)?,
                _ => {}
            }
        }
        Ok(acc)
    }

    /// The value a template sees: `*chat.Account`.
    pub fn to_value(&self) -> Value {
        let s = |v: &str| Value::String(v.as_bytes().into());
        Value::Struct(Rc::new(StructValue {
            type_name: "chat.Account".into(),
            pointer: true,
            fields: vec![
                ("Id".into(), Value::Int64(self.id)),
                ("Channel".into(), s(&self.channel)),
                ("Contact".into(), s(&self.contact)),
                ("FirstName".into(), s(&self.first_name)),
                ("LastName".into(), s(&self.last_name)),
                ("Username".into(), s(&self.username)),
            ],
        }))
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.as_bytes().into())
    }
}

impl From<&Account> for Value {
    fn from(a: &Account) -> Self {
        a.to_value()
    }
}

impl Value {
    /// Decodes JSON as Go's `json.Unmarshal` into `interface{}` would: objects become
    /// `map[string]interface {}`, arrays `[]interface {}`, numbers `float64`.
    pub fn from_json(json: &serde_json::Value) -> Value {
        fn inner(json: &serde_json::Value) -> Value {
            match json {
                serde_json::Value::Null => Value::NilInterface,
                other => Value::from_json(other),
            }
        }
        match json {
            serde_json::Value::Null => Value::Nil,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Float(n.as_f64().unwrap_or(0.0)),
            serde_json::Value::String(s) => Value::from(s.as_str()),
            serde_json::Value::Array(a) => Value::List(Rc::new(a.iter().map(inner).collect())),
            serde_json::Value::Object(o) => Value::Map(Rc::new(
                o.iter().map(|(k, v)| (k.clone(), inner(v))).collect(),
            )),
        }
    }

    /// Go's type name, as `%T` and error messages print it.
    pub fn type_name(&self) -> String {
        match self {
            Value::Nil => "<nil>".into(),
            Value::NilInterface => "interface {}".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "int".into(),
            Value::Int64(_) => "int64".into(),
            Value::Uint8(_) => "uint8".into(),
            Value::Float(_) => "float64".into(),
            Value::Complex(..) => "complex128".into(),
            Value::String(_) => "string".into(),
            Value::List(_) => "[]interface {}".into(),
            Value::Map(_) => "map[string]interface {}".into(),
            Value::Struct(s) if s.pointer => format!("*{}", s.type_name),
            Value::Struct(s) => s.type_name.clone(),
        }
    }

    /// Go's `isTrue`: the truth of `if`, `with`, `and`, `or`, `not`.
    pub fn truth(&self) -> bool {
        match self {
            Value::Nil | Value::NilInterface => false,
            Value::Bool(b) => *b,
            Value::Int(i) | Value::Int64(i) => *i != 0,
            Value::Uint8(u) => *u != 0,
            Value::Float(f) => *f != 0.0,
            Value::Complex(r, i) => *r != 0.0 || *i != 0.0,
            Value::String(s) => !s.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Map(m) => !m.is_empty(),
            Value::Struct(_) => true,
        }
    }

    /// A value fetched out of a map or list: Go hands it over as `interface{}`, so a stored nil
    /// is a nil interface.
    pub(crate) fn as_element(&self) -> Value {
        match self {
            Value::Nil => Value::NilInterface,
            other => other.clone(),
        }
    }

    /// Go's `indirectInterface` at the end of a pipeline stage: a nil interface becomes no value.
    pub(crate) fn unwrap_interface(self) -> Value {
        match self {
            Value::NilInterface => Value::Nil,
            other => other,
        }
    }

    pub(crate) fn is_nil(&self) -> bool {
        matches!(self, Value::Nil | Value::NilInterface)
    }
}

/// Go's `indirect`: through a struct pointer; a nil interface reports nil.
pub(crate) fn indirect(v: Value) -> (Value, bool) {
    match v {
        Value::NilInterface => (v, true),
        Value::Struct(s) if s.pointer => {
            let inner = StructValue {
                pointer: false,
                ..(*s).clone()
            };
            (Value::Struct(Rc::new(inner)), false)
        }
        other => (other, false),
    }
}
