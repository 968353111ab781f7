//! The typed data that flows between the pipeline stages.
//!
//! Nothing here imports any other module of the crate: documents, mentions,
//! entities, relations and evidence are plain data.

use std::fmt;

/// The six entity types of the zonekg vocabulary.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum EntityType {
    /// A development zone, science city, industrial park, base or town.
    Zone,
    /// A business or fund, including branches and project companies.
    Company,
    /// A university, research institute, alliance or government body.
    Institution,
    /// A sector or technology field.
    Industry,
    /// An administrative place: country, province, city, district.
    Place,
    /// A named person (bylines, quoted officials).
    Person,
}

impl EntityType {
    /// All types, in a fixed order.
    pub const ALL: [EntityType; 6] = [
        EntityType::Zone,
        EntityType::Company,
        EntityType::Institution,
        EntityType::Industry,
        EntityType::Place,
        EntityType::Person,
    ];

    /// The name used in JSON and as the ontology class local name.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Zone => "Zone",
            EntityType::Company => "Company",
            EntityType::Institution => "Institution",
            EntityType::Industry => "Industry",
            EntityType::Place => "Place",
            EntityType::Person => "Person",
        }
    }

    /// The lower-case path segment used in entity IRIs.
    pub fn iri_segment(self) -> &'static str {
        match self {
            EntityType::Zone => "zone",
            EntityType::Company => "company",
            EntityType::Institution => "institution",
            EntityType::Industry => "industry",
            EntityType::Place => "place",
            EntityType::Person => "person",
        }
    }

    /// Parses a type name (case-insensitive).
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
    }

    /// Companies and institutions: the things that settle in zones.
    pub fn is_org(self) -> bool {
        matches!(self, EntityType::Company | EntityType::Institution)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The seven relation predicates of the zonekg vocabulary.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Predicate {
    /// Zone/Company/Institution/Place → Place.
    LocatedIn,
    /// Zone → Zone (a park inside a zone).
    PartOf,
    /// Company/Institution → Zone.
    SettledIn,
    /// Company/Institution → Company/Institution (branch, subsidiary).
    SubOrganizationOf,
    /// Zone → Industry (leading or focus industry).
    HasIndustry,
    /// Company/Institution → Industry.
    InIndustry,
    /// Symmetric cooperation between organizations and zones.
    CooperatesWith,
}

impl Predicate {
    /// All predicates, in a fixed order.
    pub const ALL: [Predicate; 7] = [
        Predicate::LocatedIn,
        Predicate::PartOf,
        Predicate::SettledIn,
        Predicate::SubOrganizationOf,
        Predicate::HasIndustry,
        Predicate::InIndustry,
        Predicate::CooperatesWith,
    ];

    /// The short name used in JSON (`settledIn`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::LocatedIn => "locatedIn",
            Predicate::PartOf => "partOf",
            Predicate::SettledIn => "settledIn",
            Predicate::SubOrganizationOf => "subOrganizationOf",
            Predicate::HasIndustry => "hasIndustry",
            Predicate::InIndustry => "inIndustry",
            Predicate::CooperatesWith => "cooperatesWith",
        }
    }

    /// Parses a short name (case-insensitive).
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s))
    }

    /// Whether `a p b` implies `b p a`.
    pub fn is_symmetric(self) -> bool {
        matches!(self, Predicate::CooperatesWith)
    }
}

impl fmt::Display for Predicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One article: the unit of provenance (one named graph each).
#[derive(Debug, Clone)]
pub struct Document {
    /// 16 hex digits of the SHA-256 of `text`.
    pub id: String,
    /// The article heading, or its first line.
    pub title: String,
    /// The file it came from, as given.
    pub source: String,
    /// The original article text, unchanged.
    pub text: String,
}

/// A character range in a document's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CharSpan {
    /// First character (inclusive).
    pub start: usize,
    /// Past the last character.
    pub end: usize,
}

/// One occurrence of an entity name in a document.
#[derive(Debug, Clone)]
pub struct MentionRef {
    /// The document id.
    pub doc: String,
    /// Where it stands in the original text.
    pub span: CharSpan,
    /// The original text of the span.
    pub text: String,
}

/// A resolved entity: one per real-world thing across all documents.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Its type.
    pub etype: EntityType,
    /// The canonical (longest proper) Chinese name; with the type it makes the IRI.
    pub label: String,
    /// The English name: known from a gazetteer, or made by rule (see `label_en_by_rule`).
    pub label_en: Option<String>,
    /// Whether `label_en` was made by rule (pinyin and translated suffixes).
    pub label_en_by_rule: bool,
    /// Other names seen or known (short forms, abbreviations).
    pub aliases: Vec<String>,
    /// Where it is mentioned.
    pub mentions: Vec<MentionRef>,
}

/// The sentence that states a relation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Evidence {
    /// The document id.
    pub doc: String,
    /// The sentence text (cleaned of layout damage).
    pub sentence: String,
    /// The sentence's character range in the original text.
    pub span: CharSpan,
}

/// A typed relation between two entities (indices into the entity list).
#[derive(Debug, Clone)]
pub struct Relation {
    /// Subject entity index.
    pub subject: usize,
    /// The predicate.
    pub predicate: Predicate,
    /// Object entity index.
    pub object: usize,
    /// Every sentence that states it.
    pub evidence: Vec<Evidence>,
}

/// Everything extracted from a set of documents.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The articles, in input order.
    pub documents: Vec<Document>,
    /// The resolved entities, sorted by type and label.
    pub entities: Vec<Entity>,
    /// The relations, sorted, each with its evidence.
    pub relations: Vec<Relation>,
}
