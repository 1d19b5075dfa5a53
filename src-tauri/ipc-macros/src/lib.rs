//! `#[ipc_command]`: the one place an IPC command's contract is written. It puts
//! `#[tauri::command]` on the function (arguments passed through, e.g. `async`) and writes,
//! beside it, a module of the same name (modules live in the type namespace, so they do not
//! clash with the function) whose `contract()` describes the command for the TypeScript side:
//! its name and doc, its arguments in order with their Rust types (the ones Tauri injects —
//! `State`, `AppHandle`, `Window`, `Webview`, `Request`, ... — left out), `Channel<T>`
//! arguments as typed channels, and the `T` of its `IpcResult<T>`. The shell's `contract`
//! module turns that into `ui/src/bindings/commands.ts` with ts-rs.
//!
//! An argument whose Rust type has no TypeScript of its own (a `serde_json::Value` read
//! leniently) names what the UI sends: `#[ipc(ts = "Partial<Settings>", uses = Settings)]`,
//! `uses` being the Rust type(s) whose bindings that text refers to.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{
    parse_macro_input, Attribute, Expr, ExprLit, FnArg, GenericArgument, ItemFn, Lit, LitStr, Meta,
    Pat, PathArguments, ReturnType, Type,
};

/// Types Tauri fills in itself: never sent by the UI, so not part of the contract.
const INJECTED: &[&str] = &[
    "State",
    "AppHandle",
    "Window",
    "WebviewWindow",
    "Webview",
    "Request",
    "CommandScope",
    "GlobalScope",
];

#[proc_macro_attribute]
pub fn ipc_command(attr: TokenStream, item: TokenStream) -> TokenStream {
    let attr = Tokens::from(attr);
    let mut function = parse_macro_input!(item as ItemFn);
    match contract(&mut function) {
        Ok(contract) => {
            let vis = &function.vis;
            let name = &function.sig.ident;
            quote! {
                #[tauri::command(#attr)]
                #function

                /// The IPC contract of the command of the same name (`#[ipc_command]`).
                #[doc(hidden)]
                #vis mod #name {
                    #[allow(unused_imports)]
                    use super::*;

                    pub fn contract() -> crate::contract::CommandContract {
                        #contract
                    }
                }
            }
            .into()
        }
        Err(error) => {
            let error = error.to_compile_error();
            quote!(#error #function).into()
        }
    }
}

/// The body of `contract()`; strips the `#[ipc(..)]` attributes it reads off the arguments.
fn contract(function: &mut ItemFn) -> syn::Result<Tokens> {
    let name = function.sig.ident.to_string();
    let docs = docs(&function.attrs);
    let mut args = Vec::new();
    for input in function.sig.inputs.iter_mut() {
        let FnArg::Typed(arg) = input else {
            return Err(syn::Error::new(
                input.span(),
                "an IPC command takes no `self`",
            ));
        };
        let override_ts = take_override(&mut arg.attrs)?;
        if override_ts.is_none() && is_injected(&arg.ty) {
            continue;
        }
        let Pat::Ident(ident) = &*arg.pat else {
            return Err(syn::Error::new(
                arg.pat.span(),
                "an IPC command's argument needs a plain name (the UI sends it by name)",
            ));
        };
        let arg_name = ident.ident.to_string();
        let arg_name = arg_name.trim_start_matches("r#");
        let ty = &arg.ty;
        let ts = match (override_ts, channel_of(ty)) {
            (Some((text, uses)), _) => {
                quote_spanned!(ty.span()=> crate::contract::TsType::text(#text, vec![#(crate::contract::TsType::of::<#uses>()),*]))
            }
            (None, Some(message)) => {
                quote_spanned!(ty.span()=> crate::contract::TsType::channel::<#message>())
            }
            (None, None) => quote_spanned!(ty.span()=> crate::contract::TsType::of::<#ty>()),
        };
        args.push(quote!(crate::contract::ArgContract { name: #arg_name, ty: #ts }));
    }
    let result = ok_type(&function.sig.output)?;
    Ok(quote! {
        crate::contract::CommandContract {
            name: #name,
            docs: #docs,
            args: vec![#(#args),*],
            result: crate::contract::TsType::of::<#result>(),
        }
    })
}

/// The function's `///` lines, joined as written.
fn docs(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            Meta::NameValue(pair) => match &pair.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(text),
                    ..
                }) => Some(text.value()),
                _ => None,
            },
            _ => None,
        })
        .map(|line| line.strip_prefix(' ').unwrap_or(&line).to_string())
        .collect();
    lines.join("\n")
}

/// Reads and removes `#[ipc(ts = "...", uses = Type, ...)]`.
fn take_override(attrs: &mut Vec<Attribute>) -> syn::Result<Option<(LitStr, Vec<Type>)>> {
    let Some(index) = attrs.iter().position(|attr| attr.path().is_ident("ipc")) else {
        return Ok(None);
    };
    let attr = attrs.remove(index);
    let mut text = None;
    let mut uses = Vec::new();
    attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("ts") {
            text = Some(meta.value()?.parse::<LitStr>()?);
        } else if meta.path.is_ident("uses") {
            uses.push(meta.value()?.parse::<Type>()?);
        } else {
            return Err(meta.error("expected `ts = \"...\"` or `uses = Type`"));
        }
        Ok(())
    })?;
    let text = text.ok_or_else(|| syn::Error::new(attr.span(), "`#[ipc]` needs `ts = \"...\"`"))?;
    Ok(Some((text, uses)))
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(path) => path.path.segments.last(),
        _ => None,
    }
}

fn is_injected(ty: &Type) -> bool {
    last_segment(ty).is_some_and(|segment| INJECTED.iter().any(|name| segment.ident == name))
}

fn first_type_argument(segment: &syn::PathSegment) -> Option<&Type> {
    let PathArguments::AngleBracketed(arguments) = &segment.arguments else {
        return None;
    };
    arguments.args.iter().find_map(|argument| match argument {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    })
}

/// `T` of a `Channel<T>` argument.
fn channel_of(ty: &Type) -> Option<&Type> {
    let segment = last_segment(ty).filter(|segment| segment.ident == "Channel")?;
    first_type_argument(segment)
}

/// `T` of the `IpcResult<T>` every command returns (its error is always `IpcError`).
fn ok_type(output: &ReturnType) -> syn::Result<Type> {
    let complaint = "an IPC command returns `IpcResult<T>` (its error is `IpcError`)";
    let ReturnType::Type(_, ty) = output else {
        return Err(syn::Error::new(output.span(), complaint));
    };
    last_segment(ty)
        .filter(|segment| segment.ident == "IpcResult")
        .and_then(first_type_argument)
        .cloned()
        .ok_or_else(|| syn::Error::new(ty.span(), complaint))
}

#[cfg(test)]
mod tests;
