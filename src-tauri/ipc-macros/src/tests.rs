//! What `#[ipc_command]` reads off a function, checked on the generated `contract()` text.

use super::contract;

fn expand(function: &str) -> syn::Result<(String, String)> {
    let mut function: syn::ItemFn = syn::parse_str(function).unwrap();
    let contract = contract(&mut function)?.to_string();
    Ok((contract, quote::quote!(#function).to_string()))
}

#[test]
fn injected_arguments_are_left_out_and_channels_are_typed() {
    let (contract, _) = expand(
        "pub async fn run<R: Runtime>(app: AppHandle<R>, state: tauri::State<'_, AppState>, \
         profile_id: String, on_progress: tauri::ipc::Channel<Progress>) -> IpcResult<Report> {}",
    )
    .unwrap();
    assert!(
        !contract.contains("\"app\"") && !contract.contains("\"state\""),
        "{contract}"
    );
    assert!(
        contract.contains(
            "name : \"profile_id\" , ty : crate :: contract :: TsType :: of :: < String >"
        ),
        "{contract}"
    );
    assert!(
        contract.contains(
            "name : \"on_progress\" , ty : crate :: contract :: TsType :: channel :: < Progress >"
        ),
        "{contract}"
    );
    assert!(
        contract.contains("result : crate :: contract :: TsType :: of :: < Report >"),
        "{contract}"
    );
}

#[test]
fn a_written_type_is_used_and_its_attribute_removed() {
    let (contract, function) = expand(
        "fn save(#[ipc(ts = \"Partial<Settings>\", uses = Settings)] settings: Value) -> IpcResult<()> {}",
    )
    .unwrap();
    assert!(contract.contains("TsType :: text (\"Partial<Settings>\" , vec ! [crate :: contract :: TsType :: of :: < Settings > ()])"), "{contract}");
    assert!(!function.contains("ipc"), "{function}");
}

#[test]
fn a_command_not_answering_ipc_result_is_refused() {
    let error = expand("fn status() -> Result<String, String> {}").unwrap_err();
    assert!(error.to_string().contains("IpcResult<T>"), "{error}");
    let error = expand("fn status() {}").unwrap_err();
    assert!(error.to_string().contains("IpcResult<T>"), "{error}");
}
