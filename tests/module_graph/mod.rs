//! Reads a crate's module tree from its sources and finds cycles between sibling modules.
//! A reference from a module to its own ancestor or descendant is not an edge (a parent
//! declares and re-exports its children); every other reference is collapsed, at each level of
//! the tree, to the two siblings it joins, and a strongly connected set of two or more
//! siblings is a cycle.

mod paths;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use paths::{referenced_paths, strip_comments_and_tests};

pub struct CrateSource<'a> {
    pub name: &'a str,
    pub root: &'a str,
}

/// A module path from the crate root (`[]` is the root itself).
type ModPath = Vec<String>;

struct Module {
    /// The paths this module's code names, made absolute.
    references: Vec<ModPath>,
    /// `pub use` items: the name seen from outside → the absolute path it stands for.
    reexports: BTreeMap<String, ModPath>,
}

/// A set of sibling modules that depend on each other around loops, and the edges among them.
#[derive(Debug, PartialEq, Eq)]
pub struct Cycle {
    /// The sorted sibling paths (`harness`, `store`; or `emulator::api`, ...).
    pub members: Vec<String>,
    /// `from -> to` for each dependency inside the set.
    pub edges: Vec<String>,
}

pub fn crate_cycles(source: &CrateSource<'_>) -> Result<Vec<Cycle>, String> {
    let mut modules = BTreeMap::new();
    load(Path::new(source.root), Vec::new(), true, &mut modules)?;
    let mut edges: BTreeSet<(ModPath, ModPath)> = BTreeSet::new();
    for (from, module) in &modules {
        for reference in &module.references {
            let to = resolve(&modules, reference);
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            if common == from.len() || common == to.len() {
                continue; // ancestor or descendant
            }
            edges.insert((from[..=common].to_vec(), to[..=common].to_vec()));
        }
    }
    Ok(strongly_connected(&edges)
        .into_iter()
        .filter(|set| set.len() > 1)
        .map(|set| Cycle {
            edges: edges
                .iter()
                .filter(|(from, to)| set.contains(from) && set.contains(to))
                .map(|(from, to)| format!("{} -> {}", from.join("::"), to.join("::")))
                .collect(),
            members: set.into_iter().map(|path| path.join("::")).collect(),
        })
        .collect())
}

/// Reads the module in `file` and, through its `mod name;` lines, every module under it.
fn load(
    file: &Path,
    path: ModPath,
    owns_dir: bool,
    modules: &mut BTreeMap<ModPath, Module>,
) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let code = strip_comments_and_tests(&text);
    let dir = if owns_dir {
        file.parent().map(Path::to_path_buf).unwrap_or_default()
    } else {
        file.with_extension("")
    };
    let mut references = Vec::new();
    let mut reexports = BTreeMap::new();
    for (is_pub_use, used) in referenced_paths(&code) {
        let absolute = absolute(&path, &used);
        if let (true, Some(last)) = (is_pub_use, absolute.last()) {
            reexports.insert(last.clone(), absolute.clone());
        }
        references.push(absolute);
    }
    let renamed = path_attributes(&text);
    for child in child_modules(&code) {
        let (child_file, child_owns_dir) = match renamed.iter().find(|(name, _)| *name == child) {
            Some((_, file_name)) => (
                file.parent().unwrap_or(Path::new("")).join(file_name),
                false,
            ),
            None => child_file(&dir, &child)?,
        };
        let mut child_path = path.clone();
        child_path.push(child);
        load(&child_file, child_path, child_owns_dir, modules)?;
    }
    modules.insert(
        path,
        Module {
            references,
            reexports,
        },
    );
    Ok(())
}

/// `crate::a::b` → `[a, b]`; `super::x` from `[p, q]` → `[p, x]`; `self::y` → `[p, q, y]`.
fn absolute(current: &ModPath, used: &[String]) -> ModPath {
    let mut base = current.clone();
    let mut rest = used;
    match used.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &used[1..];
        }
        Some("self") => rest = &used[1..],
        _ => {
            while rest.first().map(String::as_str) == Some("super") {
                base.pop();
                rest = &rest[1..];
            }
        }
    }
    base.extend(rest.iter().cloned());
    base
}

/// The deepest module a path names, following re-exports to where the item is defined.
fn resolve(modules: &BTreeMap<ModPath, Module>, path: &ModPath) -> ModPath {
    let mut path = path.clone();
    for _ in 0..16 {
        let known = (0..=path.len())
            .rev()
            .find(|&n| modules.contains_key(&path[..n]))
            .unwrap_or(0);
        let module = &modules[&path[..known]];
        match path.get(known).and_then(|name| module.reexports.get(name)) {
            Some(target) if *target != path => {
                let mut next = target.clone();
                next.extend(path[known + 1..].iter().cloned());
                path = next;
            }
            _ => return path[..known].to_vec(),
        }
    }
    path
}

/// `mod name;` declarations (not inline `mod name { … }`, not `#[cfg(test)]` ones, which
/// [`strip_comments_and_tests`] has already removed).
fn child_modules(code: &str) -> Vec<String> {
    code.lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line.strip_prefix("pub ").unwrap_or(line);
            let rest = rest.strip_prefix("pub(crate) ").unwrap_or(rest);
            let name = rest.strip_prefix("mod ")?.strip_suffix(';')?;
            Some(name.trim().to_string())
        })
        .collect()
}

/// `#[path = "file.rs"]` on the line before `mod name;`: `(name, file.rs)`.
fn path_attributes(text: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    lines
        .windows(2)
        .filter_map(|pair| {
            let file = pair[0].strip_prefix("#[path = \"")?.strip_suffix("\"]")?;
            let name = child_modules(pair[1]).pop()?;
            Some((name, file.to_string()))
        })
        .collect()
}

fn child_file(dir: &Path, name: &str) -> Result<(PathBuf, bool), String> {
    let flat = dir.join(format!("{name}.rs"));
    if flat.exists() {
        return Ok((flat, false));
    }
    let nested = dir.join(name).join("mod.rs");
    if nested.exists() {
        return Ok((nested, true));
    }
    Err(format!("module {name} not found under {}", dir.display()))
}

/// Tarjan's algorithm over the collapsed edges.
fn strongly_connected(edges: &BTreeSet<(ModPath, ModPath)>) -> Vec<BTreeSet<ModPath>> {
    let mut nodes: BTreeSet<&ModPath> = BTreeSet::new();
    let mut next: BTreeMap<&ModPath, Vec<&ModPath>> = BTreeMap::new();
    for (from, to) in edges {
        nodes.insert(from);
        nodes.insert(to);
        next.entry(from).or_default().push(to);
    }
    let mut state = Tarjan::default();
    for node in nodes {
        if !state.index.contains_key(node) {
            state.visit(node, &next);
        }
    }
    state.sets
}

#[derive(Default)]
struct Tarjan<'a> {
    counter: usize,
    index: BTreeMap<&'a ModPath, usize>,
    low: BTreeMap<&'a ModPath, usize>,
    stack: Vec<&'a ModPath>,
    on_stack: BTreeSet<&'a ModPath>,
    sets: Vec<BTreeSet<ModPath>>,
}

impl<'a> Tarjan<'a> {
    fn visit(&mut self, node: &'a ModPath, next: &BTreeMap<&'a ModPath, Vec<&'a ModPath>>) {
        self.index.insert(node, self.counter);
        self.low.insert(node, self.counter);
        self.counter += 1;
        self.stack.push(node);
        self.on_stack.insert(node);
        for &to in next.get(node).map(Vec::as_slice).unwrap_or_default() {
            if !self.index.contains_key(to) {
                self.visit(to, next);
                let low = self.low[node].min(self.low[to]);
                self.low.insert(node, low);
            } else if self.on_stack.contains(to) {
                let low = self.low[node].min(self.index[to]);
                self.low.insert(node, low);
            }
        }
        if self.low[node] == self.index[node] {
            let mut set = BTreeSet::new();
            while let Some(top) = self.stack.pop() {
                self.on_stack.remove(top);
                set.insert(top.clone());
                if top == node {
                    break;
                }
            }
            self.sets.push(set);
        }
    }
}
