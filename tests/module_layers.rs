//! The module graph of each crate is layered: no two sibling modules depend on each other,
//! directly or around a loop. Reads the sources (following `mod` declarations from each crate
//! root, test modules left out), collects the `crate::`/`super::` paths each module names,
//! resolves re-exports to the module that defines the item, and fails naming every cycle.
//! Why a test: a cycle is how "one concept per module" erodes, one convenient import at a time.

mod module_graph;

use module_graph::{crate_cycles, CrateSource};

const CRATES: &[CrateSource<'static>] = &[
    CrateSource {
        name: "textgate-core",
        root: "src-tauri/core/src/lib.rs",
    },
    CrateSource {
        name: "textgate-gotemplate",
        root: "src-tauri/gotemplate/src/lib.rs",
    },
    CrateSource {
        name: "textgate-cli",
        root: "src-tauri/cli/src/main.rs",
    },
    CrateSource {
        name: "textgate-logging",
        root: "src-tauri/logging/src/lib.rs",
    },
    CrateSource {
        name: "textgate (app shell)",
        root: "src-tauri/lib.rs",
    },
];

/// Cycles being taken apart (issue G §3), as `crate: a <-> b`; none are left. The test fails
/// when one of them is gone and still listed, so the list only shrinks.
const KNOWN_CYCLES: &[&str] = &[];

#[test]
fn no_crate_has_an_import_cycle_between_sibling_modules() {
    let mut found = Vec::new();
    let mut known_seen = Vec::new();
    for source in CRATES {
        let cycles =
            crate_cycles(source).unwrap_or_else(|error| panic!("{}: {error}", source.name));
        for cycle in cycles {
            let name = format!("{}: {}", source.name, cycle.members.join(" <-> "));
            if KNOWN_CYCLES.contains(&name.as_str()) {
                known_seen.push(name);
                continue;
            }
            found.push(format!(
                "{}: {}\n    {}",
                source.name,
                cycle.members.join(" <-> "),
                cycle.edges.join("\n    ")
            ));
        }
    }
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
    let gone: Vec<_> = KNOWN_CYCLES
        .iter()
        .filter(|known| !known_seen.iter().any(|seen| seen == *known))
        .collect();
    assert!(
        gone.is_empty(),
        "no longer cycles, take them off KNOWN_CYCLES: {gone:?}"
    );
}

#[test]
fn the_graph_reader_sees_a_planted_cycle() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write =
        |name: &str, text: &str| std::fs::write(dir.path().join(name), text).expect("write");
    write("lib.rs", "mod a;\nmod b;\nmod c;\npub use c::Thing;\n");
    write("a.rs", "use crate::b::helper;\n");
    write(
        "b.rs",
        "// crate::c in a comment is no edge\nuse crate::{Thing, a::x};\n",
    );
    write(
        "c.rs",
        "pub struct Thing;\n#[cfg(test)]\nmod tests {\n    use crate::a::y;\n}\n",
    );
    let root = dir.path().join("lib.rs");
    let source = CrateSource {
        name: "planted",
        root: root.to_str().expect("utf-8 path"),
    };
    let cycles = crate_cycles(&source).expect("graph");
    let members: Vec<_> = cycles.iter().map(|cycle| cycle.members.clone()).collect();
    assert_eq!(members, vec![vec!["a".to_string(), "b".to_string()]]);
    assert_eq!(cycles[0].edges, vec!["a -> b", "b -> a"]);
}
