//! The IPC contract as data: what `#[ipc_command]` records beside each command (name, arguments,
//! channels, result), so the TypeScript side (`commands_ts.rs` → `ui/src/bindings/commands.ts`)
//! is generated from the Rust declarations instead of written by hand. Type text comes from
//! ts-rs, with the same `Config` as the other bindings.

use std::any::TypeId;
use std::path::PathBuf;

use ts_rs::{Config, Dependency, ExportError, TypeVisitor, TS};

pub use textgate_ipc_macros::ipc_command;

/// One IPC command as the UI calls it.
pub struct CommandContract {
    /// The Rust function's name, which is the name `invoke` uses.
    pub name: &'static str,
    /// The function's doc comment (may be empty).
    pub docs: &'static str,
    /// The arguments the UI sends, in the Rust order (the ones Tauri injects left out).
    pub args: Vec<ArgContract>,
    /// The `T` of `IpcResult<T>`.
    pub result: TsType,
}

/// One argument: its Rust name (the UI sends it in camelCase, as Tauri expects) and type.
pub struct ArgContract {
    pub name: &'static str,
    pub ty: TsType,
}

/// A type as TypeScript spells it, and the exported binding files that spelling refers to.
pub struct TsType {
    name: TsName,
    named: Vec<fn(&Config) -> Vec<NamedType>>,
}

enum TsName {
    Of(fn(&Config) -> String),
    Channel(fn(&Config) -> String),
    Text(&'static str),
}

/// A type with a binding file of its own (what `commands.ts` imports and the export writes).
pub struct NamedType {
    pub type_id: TypeId,
    pub ident: String,
    pub output_path: PathBuf,
    pub export: fn(&Config) -> Result<(), ExportError>,
}

impl TsType {
    /// The Rust type `T`, as ts-rs writes it.
    pub fn of<T: TS + 'static>() -> Self {
        Self {
            name: TsName::Of(T::name),
            named: vec![named_types::<T>],
        }
    }

    /// A `tauri::ipc::Channel<T>`: `Channel<T>` of `@tauri-apps/api/core`.
    pub fn channel<T: TS + 'static>() -> Self {
        Self {
            name: TsName::Channel(T::name),
            named: vec![named_types::<T>],
        }
    }

    /// Text written by hand (`#[ipc(ts = "...")]`), referring to the types of `uses`.
    pub fn text(text: &'static str, uses: Vec<TsType>) -> Self {
        Self {
            name: TsName::Text(text),
            named: uses.into_iter().flat_map(|ty| ty.named).collect(),
        }
    }

    pub fn name(&self, cfg: &Config) -> String {
        match &self.name {
            TsName::Of(name) => name(cfg),
            TsName::Channel(name) => format!("Channel<{}>", name(cfg)),
            TsName::Text(text) => text.to_string(),
        }
    }

    pub fn is_channel(&self) -> bool {
        matches!(self.name, TsName::Channel(_))
    }

    /// The exported types this spelling names (`Vec<ProfileSummary>` → `ProfileSummary`).
    pub fn named(&self, cfg: &Config) -> Vec<NamedType> {
        self.named.iter().flat_map(|named| named(cfg)).collect()
    }
}

/// `T` itself when it has a binding file, and every type argument that has one, at any depth.
fn named_types<T: TS + 'static>(cfg: &Config) -> Vec<NamedType> {
    struct Collect<'a>(&'a Config, Vec<NamedType>);
    impl Collect<'_> {
        fn push<U: TS + 'static + ?Sized>(&mut self) {
            if let Some(dep) = Dependency::from_ty::<U>(self.0) {
                if self.1.iter().all(|seen| seen.type_id != dep.type_id) {
                    self.1.push(NamedType {
                        type_id: dep.type_id,
                        ident: dep.ts_name,
                        output_path: dep.output_path,
                        export: U::export_all,
                    });
                }
            }
        }
    }
    impl TypeVisitor for Collect<'_> {
        fn visit<U: TS + 'static + ?Sized>(&mut self) {
            self.push::<U>();
        }
    }
    let mut collect = Collect(cfg, Vec::new());
    collect.push::<T>();
    T::visit_generics(&mut collect);
    collect.1
}
