//! Go's `reflect.Value` as the executor carries it: a [`Value`] plus whether its static type is
//! `interface {}`. Go hands out map and list elements (a field of a JSON map, a `range` element,
//! an `index` result) wrapped in that interface until a pipeline stage ends, and the wrapper
//! shows in its errors (`can't evaluate field X in type interface {}`, `cannot index
//! slice/array with type interface {}`), so the executor has to know where it is.

use super::value::Value;

/// One value in evaluation. `iface` is Go's `Kind() == Interface` (always true for
/// [`Value::NilInterface`], the interface holding nil).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rv {
    pub v: Value,
    pub iface: bool,
}

impl Rv {
    /// A value of its own concrete type (a constant, a struct field, a function result).
    pub fn plain(v: Value) -> Rv {
        let iface = matches!(v, Value::NilInterface);
        Rv { v, iface }
    }

    /// No value at all: Go's invalid `reflect.Value`.
    pub fn nil() -> Rv {
        Rv::plain(Value::Nil)
    }

    /// An element of a map or list: an `interface {}` (holding nil for a stored nil).
    pub fn elem(v: &Value) -> Rv {
        Rv {
            v: v.as_element(),
            iface: true,
        }
    }

    /// Whether Go's `reflect.Value` is valid (anything but no value).
    pub fn is_valid(&self) -> bool {
        self.v != Value::Nil
    }

    /// Go's `Type()` of a valid value: `interface {}` while wrapped.
    pub fn type_name(&self) -> String {
        if self.iface {
            "interface {}".into()
        } else {
            self.v.type_name()
        }
    }

    /// Go's `indirectInterface`: the concrete value inside (no value for a nil interface).
    pub fn concrete(&self) -> Value {
        self.v.clone().unwrap_interface()
    }

    /// What a pipeline stage hands on (Go unwraps an `interface {}` result).
    pub fn unwrapped(self) -> Rv {
        Rv::plain(self.v.unwrap_interface())
    }
}
