//! The order `sequelize.sync()` creates tables in: referenced tables first, by the same
//! depth-first topological sort Sequelize uses (the `toposort-class` package), so ties
//! come out exactly as Sequelize orders them.

use super::{ModelId, Schema};

/// Tables in creation order, or `None` when foreign keys form a cycle (Sequelize then
/// creates the tables without constraints and adds them afterwards).
pub fn sync_order(schema: &Schema) -> Option<Vec<ModelId>> {
    // Edges as the sorter receives them: (table, dependency), or a lone table.
    let mut edges: Vec<(String, Option<String>)> = Vec::new();
    for model in &schema.models {
        let dependencies: Vec<String> = model
            .attributes
            .iter()
            .filter_map(|(_, a)| a.references.as_ref()?.model.clone())
            .filter(|table| *table != model.table_name)
            .collect();
        if dependencies.is_empty() {
            edges.push((model.table_name.clone(), None));
        }
        for dependency in dependencies {
            edges.push((model.table_name.clone(), Some(dependency)));
        }
    }
    let mut nodes: Vec<Option<String>> = Vec::new();
    for (item, dependency) in &edges {
        for node in std::iter::once(item).chain(dependency) {
            if !nodes.iter().any(|n| n.as_deref() == Some(node.as_str())) {
                nodes.push(Some(node.clone()));
            }
        }
    }
    let mut sorter = Sorter {
        edges: &edges,
        nodes,
        sorted: Vec::new(),
    };
    for i in 0..sorter.nodes.len() {
        let Some(node) = sorter.nodes[i].take() else {
            continue;
        };
        for (item, dependency) in sorter.edges {
            if *item == node {
                if let Some(dependency) = dependency {
                    sorter.visit(dependency, std::slice::from_ref(&node))?;
                }
            }
        }
        sorter.sorted.push(node);
    }
    // `sorted` was filled from the back in the original; reversing it twice (there and in
    // sync) leaves the push order, which is creation order.
    Some(
        sorter
            .sorted
            .iter()
            .filter_map(|table| schema.find_table(table))
            .collect(),
    )
}

struct Sorter<'a> {
    edges: &'a [(String, Option<String>)],
    nodes: Vec<Option<String>>,
    sorted: Vec<String>,
}

impl Sorter<'_> {
    fn visit(&mut self, node: &str, predecessors: &[String]) -> Option<()> {
        if predecessors.iter().any(|p| p == node) {
            return None; // a cycle
        }
        let Some(index) = self.nodes.iter().position(|n| n.as_deref() == Some(node)) else {
            return Some(());
        };
        self.nodes[index] = None;
        let mut path = predecessors.to_vec();
        path.push(node.to_string());
        for (item, dependency) in self.edges {
            if item == node {
                if let Some(dependency) = dependency {
                    self.visit(dependency, &path)?;
                }
            }
        }
        self.sorted.push(node.to_string());
        Some(())
    }
}
