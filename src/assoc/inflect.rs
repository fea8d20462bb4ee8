//! English plurals the way Sequelize 6 makes them: the rules of the npm `inflection`
//! package, version 1.13, quirks included (`person` → `people`, `mouse` → `mice`,
//! `status` → `statuses`, but `data` stays `data` and `hero` becomes `heros`).
//!
//! The rule table is the package's behaviour written down; `tests/corpus/inflection.json`
//! holds the real package's answers for a few hundred words and the tests compare.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use regex_lite::{Regex, RegexBuilder};

/// Words that have no plural; compared lower-cased, as the package does.
const UNCOUNTABLE: &[&str] = &[
    "accommodation",
    "adulthood",
    "advertising",
    "advice",
    "aggression",
    "aid",
    "air",
    "aircraft",
    "alcohol",
    "anger",
    "applause",
    "arithmetic",
    "assistance",
    "athletics",
    "bacon",
    "baggage",
    "beef",
    "biology",
    "blood",
    "botany",
    "bread",
    "butter",
    "carbon",
    "cardboard",
    "cash",
    "chalk",
    "chaos",
    "chess",
    "crossroads",
    "countryside",
    "dancing",
    "deer",
    "dignity",
    "dirt",
    "dust",
    "economics",
    "education",
    "electricity",
    "engineering",
    "enjoyment",
    "envy",
    "equipment",
    "ethics",
    "evidence",
    "evolution",
    "fame",
    "fiction",
    "flour",
    "flu",
    "food",
    "fuel",
    "fun",
    "furniture",
    "gallows",
    "garbage",
    "garlic",
    "genetics",
    "gold",
    "golf",
    "gossip",
    "gratitude",
    "grief",
    "guilt",
    "gymnastics",
    "happiness",
    "hardware",
    "harm",
    "hate",
    "hatred",
    "health",
    "heat",
    "help",
    "homework",
    "honesty",
    "honey",
    "hospitality",
    "housework",
    "humour",
    "hunger",
    "hydrogen",
    "ice",
    "importance",
    "inflation",
    "information",
    "innocence",
    "iron",
    "irony",
    "jam",
    "jewelry",
    "judo",
    "karate",
    "knowledge",
    "lack",
    "laughter",
    "lava",
    "leather",
    "leisure",
    "lightning",
    "linguine",
    "linguini",
    "linguistics",
    "literature",
    "litter",
    "livestock",
    "logic",
    "loneliness",
    "luck",
    "luggage",
    "macaroni",
    "machinery",
    "magic",
    "management",
    "mankind",
    "marble",
    "mathematics",
    "mayonnaise",
    "measles",
    "methane",
    "milk",
    "minus",
    "money",
    "mud",
    "music",
    "mumps",
    "nature",
    "news",
    "nitrogen",
    "nonsense",
    "nurture",
    "nutrition",
    "obedience",
    "obesity",
    "oxygen",
    "pasta",
    "patience",
    "physics",
    "poetry",
    "pollution",
    "poverty",
    "pride",
    "psychology",
    "publicity",
    "punctuation",
    "quartz",
    "racism",
    "relaxation",
    "reliability",
    "research",
    "respect",
    "revenge",
    "rice",
    "rubbish",
    "rum",
    "safety",
    "scenery",
    "seafood",
    "seaside",
    "series",
    "shame",
    "sheep",
    "shopping",
    "sleep",
    "smoke",
    "smoking",
    "snow",
    "soap",
    "software",
    "soil",
    "spaghetti",
    "species",
    "steam",
    "stuff",
    "stupidity",
    "sunshine",
    "symmetry",
    "tennis",
    "thirst",
    "thunder",
    "timber",
    "traffic",
    "transportation",
    "trust",
    "underwear",
    "unemployment",
    "unity",
    "validity",
    "veal",
    "vegetation",
    "vegetarianism",
    "vengeance",
    "violence",
    "vitality",
    "warmth",
    "wealth",
    "weather",
    "welfare",
    "wheat",
    "wildlife",
    "wisdom",
    "yoga",
    "zinc",
    "zoology",
];

// The package's patterns, by name. Each is matched case-insensitively.
// (`[m|l]` really is a class with a `|` in it, as in the package.)
const P_MEN: &str = "^(m|wom)en$";
const P_PEOPLE: &str = "(pe)ople$";
const P_CHILDREN: &str = "(child)ren$";
const P_TIA: &str = "([ti])a$";
const P_ANALYSES: &str = "((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$";
const P_DATABASES: &str = "(database)s$";
const P_DRIVES: &str = "(drive)s$";
const P_HIVES: &str = "(hi|ti)ves$";
const P_CURVES: &str = "(curve)s$";
const P_LRVES: &str = "([lr])ves$";
const P_AVES: &str = "([a])ves$";
const P_FOVES: &str = "([^fo])ves$";
const P_MOVIES: &str = "(m)ovies$";
const P_AEIOUYIES: &str = "([^aeiouy]|qu)ies$";
const P_SERIES: &str = "(s)eries$";
const P_XES: &str = "(x|ch|ss|sh)es$";
const P_MICE: &str = "([m|l])ice$";
const P_BUSES: &str = "(bus)es$";
const P_OES: &str = "(o)es$";
const P_SHOES: &str = "(shoe)s$";
const P_CRISES: &str = "(cris|ax|test)es$";
const P_OCTOPUSES: &str = "(octop|vir)uses$";
const P_ALIASES: &str = "(alias|canvas|status|campus)es$";
const P_SUMMONSES: &str = "^(summons|bonus)es$";
const P_OXEN: &str = "^(ox)en";
const P_MATRICES: &str = "(matr)ices$";
const P_VERTICES: &str = "(vert|ind)ices$";
const P_FEET: &str = "^feet$";
const P_TEETH: &str = "^teeth$";
const P_GEESE: &str = "^geese$";
const P_QUIZZES: &str = "(quiz)zes$";
const P_WHEREASES: &str = "^(whereas)es$";
const P_CRITERIA: &str = "^(criteri)a$";
const P_GENERA: &str = "^genera$";
const P_SS: &str = "ss$";
const P_S: &str = "s$";

const S_MAN: &str = "^(m|wom)an$";
const S_PERSON: &str = "(pe)rson$";
const S_CHILD: &str = "(child)$";
const S_DRIVE: &str = "(drive)$";
const S_OX: &str = "^(ox)$";
const S_AXIS: &str = "(ax|test)is$";
const S_OCTOPUS: &str = "(octop|vir)us$";
const S_ALIAS: &str = "(alias|status|canvas|campus)$";
const S_SUMMONS: &str = "^(summons|bonus)$";
const S_BUS: &str = "(bu)s$";
const S_BUFFALO: &str = "(buffal|tomat|potat)o$";
const S_TIUM: &str = "([ti])um$";
const S_SIS: &str = "sis$";
const S_FFE: &str = "(?:([^f])fe|([lr])f)$";
const S_HIVE: &str = "(hi|ti)ve$";
const S_AEIOUYY: &str = "([^aeiouy]|qu)y$";
const S_X: &str = "(x|ch|ss|sh)$";
const S_MATRIX: &str = "(matr)ix$";
const S_VERTEX: &str = "(vert|ind)ex$";
const S_MOUSE: &str = "([m|l])ouse$";
const S_FOOT: &str = "^foot$";
const S_TOOTH: &str = "^tooth$";
const S_GOOSE: &str = "^goose$";
const S_QUIZ: &str = "(quiz)$";
const S_WHEREAS: &str = "^(whereas)$";
const S_CRITERION: &str = "^(criteri)on$";
const S_GENUS: &str = "^genus$";
const S_S: &str = "s$";
const S_COMMON: &str = "$";

/// A rule: a pattern and its replacement; `None` means "already right, leave it".
type Rule = (&'static str, Option<&'static str>);

const PLURAL_RULES: &[Rule] = &[
    // Already plural: leave as is.
    (P_MEN, None),
    (P_PEOPLE, None),
    (P_CHILDREN, None),
    (P_TIA, None),
    (P_ANALYSES, None),
    (P_DATABASES, None),
    (P_DRIVES, None),
    (P_HIVES, None),
    (P_CURVES, None),
    (P_LRVES, None),
    (P_FOVES, None),
    (P_AEIOUYIES, None),
    (P_SERIES, None),
    (P_MOVIES, None),
    (P_XES, None),
    (P_MICE, None),
    (P_BUSES, None),
    (P_OES, None),
    (P_SHOES, None),
    (P_CRISES, None),
    (P_OCTOPUSES, None),
    (P_ALIASES, None),
    (P_SUMMONSES, None),
    (P_OXEN, None),
    (P_MATRICES, None),
    (P_FEET, None),
    (P_TEETH, None),
    (P_GEESE, None),
    (P_QUIZZES, None),
    (P_WHEREASES, None),
    (P_CRITERIA, None),
    (P_GENERA, None),
    // Singular to plural.
    (S_MAN, Some("${1}en")),
    (S_PERSON, Some("${1}ople")),
    (S_CHILD, Some("${1}ren")),
    (S_DRIVE, Some("${1}s")),
    (S_OX, Some("${1}en")),
    (S_AXIS, Some("${1}es")),
    (S_OCTOPUS, Some("${1}uses")),
    (S_ALIAS, Some("${1}es")),
    (S_SUMMONS, Some("${1}es")),
    (S_BUS, Some("${1}ses")),
    (S_BUFFALO, Some("${1}oes")),
    (S_TIUM, Some("${1}a")),
    (S_SIS, Some("ses")),
    (S_FFE, Some("${1}${2}ves")),
    (S_HIVE, Some("${1}ves")),
    (S_AEIOUYY, Some("${1}ies")),
    (S_MATRIX, Some("${1}ices")),
    (S_VERTEX, Some("${1}ices")),
    (S_X, Some("${1}es")),
    (S_MOUSE, Some("${1}ice")),
    (S_FOOT, Some("feet")),
    (S_TOOTH, Some("teeth")),
    (S_GOOSE, Some("geese")),
    (S_QUIZ, Some("${1}zes")),
    (S_WHEREAS, Some("${1}es")),
    (S_CRITERION, Some("${1}a")),
    (S_GENUS, Some("genera")),
    (S_S, Some("s")),
    (S_COMMON, Some("s")),
];

const SINGULAR_RULES: &[Rule] = &[
    // Already singular: leave as is.
    (S_MAN, None),
    (S_PERSON, None),
    (S_CHILD, None),
    (S_DRIVE, None),
    (S_OX, None),
    (S_AXIS, None),
    (S_OCTOPUS, None),
    (S_ALIAS, None),
    (S_SUMMONS, None),
    (S_BUS, None),
    (S_BUFFALO, None),
    (S_TIUM, None),
    (S_SIS, None),
    (S_FFE, None),
    (S_HIVE, None),
    (S_AEIOUYY, None),
    (S_X, None),
    (S_MATRIX, None),
    (S_MOUSE, None),
    (S_FOOT, None),
    (S_TOOTH, None),
    (S_GOOSE, None),
    (S_QUIZ, None),
    (S_WHEREAS, None),
    (S_CRITERION, None),
    (S_GENUS, None),
    // Plural to singular.
    (P_MEN, Some("${1}an")),
    (P_PEOPLE, Some("${1}rson")),
    (P_CHILDREN, Some("${1}")),
    (P_DATABASES, Some("${1}")),
    (P_DRIVES, Some("${1}")),
    (P_GENERA, Some("genus")),
    (P_CRITERIA, Some("${1}on")),
    (P_TIA, Some("${1}um")),
    (P_ANALYSES, Some("${1}${2}sis")),
    (P_HIVES, Some("${1}ve")),
    (P_CURVES, Some("${1}")),
    (P_LRVES, Some("${1}f")),
    (P_AVES, Some("${1}ve")),
    (P_FOVES, Some("${1}fe")),
    (P_MOVIES, Some("${1}ovie")),
    (P_AEIOUYIES, Some("${1}y")),
    (P_SERIES, Some("${1}eries")),
    (P_XES, Some("${1}")),
    (P_MICE, Some("${1}ouse")),
    (P_BUSES, Some("${1}")),
    (P_OES, Some("${1}")),
    (P_SHOES, Some("${1}")),
    (P_CRISES, Some("${1}is")),
    (P_OCTOPUSES, Some("${1}us")),
    (P_ALIASES, Some("${1}")),
    (P_SUMMONSES, Some("${1}")),
    (P_OXEN, Some("${1}")),
    (P_MATRICES, Some("${1}ix")),
    (P_VERTICES, Some("${1}ex")),
    (P_FEET, Some("foot")),
    (P_TEETH, Some("tooth")),
    (P_GEESE, Some("goose")),
    (P_QUIZZES, Some("${1}")),
    (P_WHEREASES, Some("${1}")),
    (P_SS, Some("ss")),
    (P_S, Some("")),
];

struct CompiledRule {
    pattern: Regex,
    replacement: Option<&'static str>,
}

fn compile(rules: &[Rule]) -> Vec<CompiledRule> {
    rules
        .iter()
        .map(|(pattern, replacement)| CompiledRule {
            pattern: RegexBuilder::new(pattern)
                .case_insensitive(true)
                .build()
                .expect("inflection patterns are fixed and valid"),
            replacement: *replacement,
        })
        .collect()
}

fn plural_rules() -> &'static [CompiledRule] {
    static RULES: OnceLock<Vec<CompiledRule>> = OnceLock::new();
    RULES.get_or_init(|| compile(PLURAL_RULES))
}

fn singular_rules() -> &'static [CompiledRule] {
    static RULES: OnceLock<Vec<CompiledRule>> = OnceLock::new();
    RULES.get_or_init(|| compile(SINGULAR_RULES))
}

/// The first rule that matches decides; uncountable words are left alone.
fn apply(word: &str, rules: &[CompiledRule]) -> String {
    if UNCOUNTABLE.contains(&word.to_lowercase().as_str()) {
        return word.to_string();
    }
    match rules.iter().find(|rule| rule.pattern.is_match(word)) {
        Some(CompiledRule {
            pattern,
            replacement: Some(replacement),
        }) => pattern.replace_all(word, *replacement).into_owned(),
        _ => word.to_string(),
    }
}

/// Words seen before are not matched against the rules again: the rules are many
/// regular expressions, and analysis asks for the same few words over and over.
/// Bounded, so a long editing session does not grow it without end.
const MEMO_LIMIT: usize = 4096;

thread_local! {
    /// Plurals and singulars found so far, by the word (index 1: plurals).
    static MEMO: RefCell<[HashMap<String, String>; 2]> = RefCell::new(Default::default());
}

fn memoized(plural: bool, word: &str, compute: impl FnOnce() -> String) -> String {
    let which = usize::from(plural);
    // Looked up by `&str`: a hit allocates only the answer's copy.
    if let Some(hit) = MEMO.with(|memo| memo.borrow()[which].get(word).cloned()) {
        return hit;
    }
    let value = compute();
    MEMO.with(|memo| {
        let memo = &mut memo.borrow_mut()[which];
        if memo.len() >= MEMO_LIMIT {
            memo.clear();
        }
        memo.insert(word.to_string(), value.clone());
    });
    value
}

/// `inflection.pluralize(word)`: `owner` → `owners`, `person` → `people`.
pub fn pluralize(word: &str) -> String {
    memoized(true, word, || apply(word, plural_rules()))
}

/// `inflection.singularize(word)`: `pugs` → `pug`, `Stories` → `Story`.
pub fn singularize(word: &str) -> String {
    memoized(false, word, || apply(word, singular_rules()))
}

/// `inflection.underscore(word)`: `ownerId` → `owner_id`, `UserProfile` → `user_profile`.
pub fn underscore(word: &str) -> String {
    word.split("::")
        .map(|part| {
            let mut out = String::with_capacity(part.len() + 4);
            for c in part.chars() {
                if c.is_ascii_uppercase() {
                    out.push('_');
                }
                out.push(c);
            }
            out.strip_prefix('_').map(str::to_string).unwrap_or(out)
        })
        .collect::<Vec<_>>()
        .join("/")
        .to_lowercase()
}

/// Sequelize's `Utils.camelize`: trims, then drops each run of `-`, `_` or spaces and
/// upper-cases the character after it (`owner_id` → `ownerId`).
pub fn camelize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '-' | '_') || c.is_whitespace() {
            while chars
                .peek()
                .is_some_and(|n| matches!(n, '-' | '_') || n.is_whitespace())
            {
                chars.next();
            }
            if let Some(next) = chars.next() {
                out.extend(next.to_uppercase());
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// lodash `_.upperFirst`.
pub fn upper_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// lodash `_.lowerFirst`.
pub fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tutorial_words() {
        assert_eq!(pluralize("pug"), "pugs");
        assert_eq!(pluralize("owner"), "owners");
        assert_eq!(pluralize("person"), "people");
        assert_eq!(pluralize("Person"), "People");
        assert_eq!(pluralize("mouse"), "mice");
        assert_eq!(pluralize("status"), "statuses");
        assert_eq!(pluralize("Stories"), "Stories");
        assert_eq!(singularize("Stories"), "Story");
        assert_eq!(singularize("people"), "person");
        assert_eq!(pluralize("sheep"), "sheep");
    }

    #[test]
    fn camelize_and_underscore() {
        assert_eq!(camelize("owner_id"), "ownerId");
        assert_eq!(camelize("Users_user_id"), "UsersUserId");
        assert_eq!(underscore("ownerId"), "owner_id");
        assert_eq!(underscore("UserProfile"), "user_profile");
    }
}
