//! IRIs of the zonekg vocabulary; they mirror `ontology/zonekg.ttl`.

use crate::model::{EntityType, Predicate};
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// The ontology namespace.
pub const ZKG: &str = "https://w3id.org/zonekg/ontology#";
/// Entity IRIs start with this.
pub const ID: &str = "https://w3id.org/zonekg/id/";
/// Document (named graph) IRIs start with this.
pub const DOC: &str = "https://w3id.org/zonekg/doc/";
/// Industry concept scheme.
pub const INDUSTRY_SCHEME: &str = "https://w3id.org/zonekg/id/scheme/industries";
/// W3C ORG.
pub const ORG: &str = "http://www.w3.org/ns/org#";
/// SKOS.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// PROV-O.
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// RDF.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// RDFS.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// XSD.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// Dublin Core terms.
pub const DCT: &str = "http://purl.org/dc/terms/";

/// The prefixes the library's own SPARQL uses.
pub const SPARQL_PREFIXES: &str = "PREFIX zkg: <https://w3id.org/zonekg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dct: <http://purl.org/dc/terms/>
";

/// The classes of entities, as IRIs.
pub const CLASSES: &[&str] = &[
    "https://w3id.org/zonekg/ontology#Zone",
    "https://w3id.org/zonekg/ontology#Company",
    "https://w3id.org/zonekg/ontology#Institution",
    "https://w3id.org/zonekg/ontology#Industry",
    "https://w3id.org/zonekg/ontology#Place",
    "https://w3id.org/zonekg/ontology#Person",
];

/// The relation properties, as IRIs (the seven predicates of the JSON output).
pub const RELATION_PROPERTIES: &[&str] = &[
    "https://w3id.org/zonekg/ontology#locatedIn",
    "https://w3id.org/zonekg/ontology#partOf",
    "https://w3id.org/zonekg/ontology#settledIn",
    "http://www.w3.org/ns/org#subOrganizationOf",
    "https://w3id.org/zonekg/ontology#hasIndustry",
    "https://w3id.org/zonekg/ontology#inIndustry",
    "https://w3id.org/zonekg/ontology#cooperatesWith",
];

/// The class IRI of an entity type.
pub fn class(t: EntityType) -> String {
    format!("{ZKG}{}", t.as_str())
}

/// The property IRI of a predicate (`org:subOrganizationOf` is W3C ORG's own).
pub fn property(p: Predicate) -> String {
    match p {
        Predicate::SubOrganizationOf => format!("{ORG}subOrganizationOf"),
        _ => format!("{ZKG}{}", p.as_str()),
    }
}

/// The predicate of a property IRI.
pub fn predicate_of(iri: &str) -> Option<Predicate> {
    let local = iri.strip_prefix(ZKG).or_else(|| iri.strip_prefix(ORG))?;
    Predicate::parse(local)
}

/// The entity IRI: a pure function of type and canonical label (NFKC, no spaces, escaped).
pub fn entity_iri(t: EntityType, label: &str) -> String {
    // Most labels are in NFKC already (the quick check answers without normalizing).
    let norm: String = if unicode_normalization::is_nfkc_quick(label.chars()) == IsNormalized::Yes {
        label.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        label.nfkc().filter(|c| !c.is_whitespace()).collect()
    };
    format!("{ID}{}/{}", t.iri_segment(), escape_segment(&norm))
}

/// The IRI of a document's named graph.
pub fn doc_iri(id: &str) -> String {
    format!("{DOC}{id}")
}

/// Percent-escapes what may not stand in an IRI path segment; other Unicode stays.
pub fn escape_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // Ideographs first: they are most of every label.
        if (!c.is_ascii() && !c.is_control())
            || c.is_ascii_alphanumeric()
            || "-._~!$&'()*+,;=:@".contains(c)
        {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_check_gives_the_normalized_iri() {
        let plain = |l: &str| {
            let norm: String = l.nfkc().filter(|c| !c.is_whitespace()).collect();
            format!("{ID}zone/{}", escape_segment(&norm))
        };
        // Full-width forms, a compatibility ideograph (U+F900), a ligature, combining marks,
        // spaces of both widths and plain labels.
        for l in [
            "白河高新区",
            "ＡＢＣ科技",
            "\u{F900}山产业园",
            "ﬁ实验室",
            "e\u{301}公司",
            "白河 高新区",
            "白河\u{3000}新区",
            "㈱白河",
            "A B/C",
            "",
        ] {
            assert_eq!(entity_iri(EntityType::Zone, l), plain(l), "{l:?}");
        }
    }

    #[test]
    fn iris_are_pure_functions_of_type_and_label() {
        assert_eq!(
            entity_iri(EntityType::Zone, "东部（重庆）科学城"),
            "https://w3id.org/zonekg/id/zone/东部(重庆)科学城"
        );
        assert_eq!(
            entity_iri(EntityType::Company, "A B/C"),
            "https://w3id.org/zonekg/id/company/AB%2FC"
        );
        assert_eq!(
            predicate_of(&property(Predicate::SubOrganizationOf)),
            Some(Predicate::SubOrganizationOf)
        );
        assert_eq!(
            predicate_of(&property(Predicate::SettledIn)),
            Some(Predicate::SettledIn)
        );
        for t in [
            EntityType::Zone,
            EntityType::Company,
            EntityType::Institution,
            EntityType::Industry,
            EntityType::Place,
            EntityType::Person,
        ] {
            assert!(CLASSES.contains(&class(t).as_str()));
        }
        for p in [
            Predicate::LocatedIn,
            Predicate::PartOf,
            Predicate::SettledIn,
            Predicate::SubOrganizationOf,
            Predicate::HasIndustry,
            Predicate::InIndustry,
            Predicate::CooperatesWith,
        ] {
            assert!(RELATION_PROPERTIES.contains(&property(p).as_str()));
        }
    }
}
