//! Stage 1 — raw file text → articles with cleaned, mineable text.
//!
//! Input: the text of one file, possibly several articles under `#`/`##` headings and
//! damaged by PDF extraction. Output: one [`Article`] per article, holding the original
//! [`Document`] text and a [`Normalized`] view of it in which
//! - full-width ASCII forms are folded to half-width,
//! - words broken across blank lines (`康宁大健` / `康产业基金`) are re-joined,
//!   even when a picture caption was dropped between the halves,
//! - bylines, `本报讯` leads, picture credits and trailing reporter names are left out,
//! - every byte maps back to a character offset of the original article text.

use crate::model::{CharSpan, Document};
use sha2::{Digest, Sha256};
use std::ops::Range;

/// The mineable text of an article with its map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// Cleaned text; blocks (paragraphs after re-joining) are separated by `\n`.
    pub text: String,
    /// For every byte of `text`, the character offset in the original article text.
    orig: Vec<u32>,
    /// Sentences as byte ranges of `text`.
    pub sentences: Vec<Range<usize>>,
}

impl Normalized {
    /// Maps a byte range of the normalized text to a character span of the original text.
    pub fn to_orig(&self, r: Range<usize>) -> CharSpan {
        if r.start >= r.end || r.end > self.orig.len() {
            let p = self.orig.get(r.start).copied().unwrap_or(0) as usize;
            return CharSpan { start: p, end: p };
        }
        CharSpan {
            start: self.orig[r.start] as usize,
            end: self.orig[r.end - 1] as usize + 1,
        }
    }

    /// The index of the sentence that contains byte `pos`.
    pub fn sentence_of(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }
}

/// A person named in a byline or signature (kept out of the mined text).
#[derive(Debug, Clone)]
pub struct Byline {
    /// The name.
    pub name: String,
    /// Where it stands in the original article text.
    pub span: CharSpan,
}

/// One article, ready for recognition.
#[derive(Debug, Clone)]
pub struct Article {
    /// The original article.
    pub doc: Document,
    /// Its cleaned text.
    pub norm: Normalized,
    /// Reporters and authors from bylines.
    pub bylines: Vec<Byline>,
}

/// Folds full-width ASCII forms and ideographic spaces to their half-width forms.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        _ => c,
    }
}

/// NFKC-like key used to compare names: folded, no whitespace, no quotes.
pub fn name_key(s: &str) -> String {
    s.chars()
        .map(fold_char)
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '“' | '”' | '"' | '\'' | '‘' | '’' | '《' | '》' | '「' | '」'
                )
        })
        .flat_map(|c| c.to_lowercase())
        .collect()
}

/// The stable document id: 16 hex digits of the SHA-256 of the article text.
pub fn doc_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Whether `c` is a CJK ideograph.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Characters that end a sentence.
fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…')
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Body,
    Heading,
    Caption,
    Skip,
}

#[derive(Debug, Clone)]
struct Para {
    /// Character range in the article text.
    start: usize,
    end: usize,
    kind: Kind,
}

/// A line of the file: its character range, without the newline.
fn lines_with_offsets(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, chars.len()));
    out
}

/// [`heading_level`] of a line given as characters, without making it a string first.
fn heading_level_chars(line: &[char]) -> usize {
    let t: &[char] = match line.iter().position(|c| !c.is_whitespace()) {
        Some(i) => &line[i..],
        None => &[],
    };
    let n = t.iter().take_while(|&&c| c == '#').count();
    if n > 0 && t.get(n) == Some(&' ') {
        n
    } else {
        0
    }
}

fn heading_level(line: &str) -> usize {
    let t = line.trim_start();
    let n = t.chars().take_while(|&c| c == '#').count();
    if n > 0 && t[n..].starts_with(' ') {
        n
    } else {
        0
    }
}

/// The byte where each character of `text` starts, and its length last: character offsets
/// (as spans count) to byte offsets.
pub fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// Splits a file into articles and normalizes each.
///
/// Articles start at `#` or `##` headings; a file without such headings is one
/// article whose first non-empty line is its title.
pub fn split_articles(file_text: &str, source: &str) -> Vec<Article> {
    let text = file_text.strip_prefix('\u{FEFF}').unwrap_or(file_text);
    let chars: Vec<char> = text.chars().collect();
    let lines = lines_with_offsets(&chars);
    let heads: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, &(s, e))| matches!(heading_level_chars(&chars[s..e]), 1 | 2))
        .map(|(i, _)| i)
        .collect();
    let mut ranges: Vec<(usize, usize)> = Vec::new(); // line index ranges
    if heads.is_empty() {
        ranges.push((0, lines.len()));
    } else {
        for (k, &h) in heads.iter().enumerate() {
            let end = heads.get(k + 1).copied().unwrap_or(lines.len());
            ranges.push((h, end));
        }
    }
    let mut out = Vec::new();
    // The byte where a character starts, found by walking forward from the last one asked
    // for (articles come in order): the article's text is then a slice of the file's, where
    // collecting its characters into a string cost a hundred instructions each.
    let (mut at_char, mut at_byte) = (0usize, 0usize);
    let mut byte_of = |c: usize| {
        if c < at_char {
            (at_char, at_byte) = (0, 0);
        }
        at_byte += chars[at_char..c]
            .iter()
            .map(|ch| ch.len_utf8())
            .sum::<usize>();
        at_char = c;
        at_byte
    };
    for (first, last) in ranges {
        let base = lines[first].0;
        let mut end_char = if last < lines.len() {
            lines[last].0
        } else {
            chars.len()
        };
        // Trailing blank lines belong to no article.
        while end_char > base && chars[end_char - 1].is_whitespace() {
            end_char -= 1;
        }
        if end_char <= base {
            continue;
        }
        let art_chars = &chars[base..end_char];
        let art_text = text[byte_of(base)..byte_of(end_char)].to_string();
        if art_text.trim().is_empty() {
            continue;
        }
        let rel: Vec<(usize, usize)> = lines[first..last]
            .iter()
            .map(|&(s, e)| (s - base, e.min(end_char) - base))
            .filter(|&(s, e)| s < e || s <= art_chars.len())
            .collect();
        out.push(normalize_article(art_chars, &art_text, &rel, source));
    }
    out
}

fn trim_range(chars: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    (s, e)
}

fn normalize_article(
    chars: &[char],
    text: &str,
    lines: &[(usize, usize)],
    source: &str,
) -> Article {
    // The byte where each character starts (and the text's end): a line is then a slice of
    // the text, not a string collected from its characters.
    let byte_at = char_starts(text);
    // Title: the heading line, or the first non-empty line.
    let mut paras: Vec<Para> = Vec::new();
    let mut title = String::new();
    let mut bylines = Vec::new();
    for &(s, e) in lines {
        let (s, e) = trim_range(chars, s, e.min(chars.len()));
        if s >= e {
            continue;
        }
        let line = &text[byte_at[s]..byte_at[e]];
        // A "heading" of more than MAX_HEADING_CHARS that holds a sentence is text behind a
        // `#` (a whole article on the heading's line was lost as its title).
        let level = match heading_level(line) {
            l if l > 0
                && line.chars().count() > MAX_HEADING_CHARS
                && line.contains(is_terminal) =>
            {
                0
            }
            l => l,
        };
        if title.is_empty() {
            // A heading, or a short first line without sentence punctuation, is the title;
            // a file that starts with body text is titled by its first words and mined whole.
            let short = line.chars().count() <= 40 && !line.contains(['。', '，', ',', '；', ';']);
            if level > 0 || short {
                title = line.trim_start_matches('#').trim().to_string();
                continue;
            }
            let words = line.trim_start_matches('#').trim();
            title = words.chars().take(24).collect::<String>() + "…";
        }
        let kind = if level > 0 {
            Kind::Heading
        } else if is_byline(line) {
            bylines.extend(byline_names(chars, s, e));
            Kind::Skip
        } else if line.starts_with("图片来源")
            || line.starts_with("图片说明")
            || line.starts_with("（图")
        {
            Kind::Skip
        } else if is_caption(line) {
            Kind::Caption
        } else {
            Kind::Body
        };
        paras.push(Para {
            start: s,
            end: e,
            kind,
        });
    }
    // A signature: the article's last line, a bare name of 2–4 ideographs.
    if let Some(last) = paras.last_mut() {
        let n = last.end - last.start;
        if (2..=4).contains(&n) && chars[last.start..last.end].iter().all(|&c| is_cjk(c)) {
            last.kind = Kind::Skip;
            bylines.push(Byline {
                name: chars[last.start..last.end].iter().collect(),
                span: CharSpan {
                    start: last.start,
                    end: last.end,
                },
            });
        }
    }
    // Leads such as 本报讯 or 本报讯(特约通讯员 柯望舒) are not mined.
    let lead: Vec<char> = "本报讯".chars().collect();
    for p in paras
        .iter_mut()
        .filter(|p| p.kind == Kind::Body && chars[p.start..p.end].starts_with(&lead))
    {
        let line: String = chars[p.start..p.end].iter().collect();
        if let Some(rest) = line.strip_prefix("本报讯") {
            let mut skip = 3;
            let rest_chars: Vec<char> = rest.chars().collect();
            let mut i = 0;
            while i < rest_chars.len() && rest_chars[i].is_whitespace() {
                i += 1;
            }
            if i < rest_chars.len() && matches!(rest_chars[i], '(' | '（') {
                if let Some(close) = rest_chars[i..]
                    .iter()
                    .position(|&c| matches!(c, ')' | '）'))
                {
                    let inner_s = p.start + 3 + i + 1;
                    let inner_e = p.start + 3 + i + close;
                    bylines.extend(byline_names(chars, inner_s, inner_e));
                    i += close + 1;
                }
            }
            while i < rest_chars.len() && rest_chars[i].is_whitespace() {
                i += 1;
            }
            skip += i;
            p.start += skip;
        }
    }

    // Re-join paragraphs broken by page layout; captions met on the way are kept apart.
    let mut blocks: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut open: Option<Vec<(usize, usize)>> = None;
    let mut captions: Vec<(usize, usize)> = Vec::new();
    let ends_open = |p: &Para| {
        let last = chars[p.end - 1];
        !(is_terminal(last)
            || (matches!(last, '”' | '"' | ')' | '）')
                && p.end >= 2
                && is_terminal(chars[p.end - 2])))
    };
    for p in &paras {
        if p.start >= p.end {
            continue;
        }
        match p.kind {
            Kind::Skip => {}
            // A short line without punctuation between the halves of a broken paragraph is
            // a picture caption; elsewhere it is ordinary text that may itself be broken.
            Kind::Caption if open.is_some() => captions.push((p.start, p.end)),
            Kind::Heading => {
                if let Some(b) = open.take() {
                    blocks.push(b);
                }
                blocks.extend(captions.drain(..).map(|c| vec![c]));
                let s = if p.kind == Kind::Heading {
                    p.start
                        + chars[p.start..p.end]
                            .iter()
                            .take_while(|&&c| c == '#' || c == ' ')
                            .count()
                } else {
                    p.start
                };
                if s < p.end {
                    blocks.push(vec![(s, p.end)]);
                }
            }
            Kind::Body | Kind::Caption => {
                let mut b = open.take().unwrap_or_default();
                b.push((p.start, p.end));
                if ends_open(p) {
                    open = Some(b);
                } else {
                    blocks.push(b);
                    blocks.extend(captions.drain(..).map(|c| vec![c]));
                }
            }
        }
    }
    if let Some(b) = open.take() {
        blocks.push(b);
    }
    blocks.extend(captions.drain(..).map(|c| vec![c]));

    let mut norm = Normalized::default();
    // The folded text is about as long as the article: one allocation each.
    norm.text.reserve(text.len() + blocks.len());
    norm.orig.reserve(text.len() + blocks.len());
    for block in &blocks {
        if !norm.text.is_empty() {
            let prev = norm.orig.last().copied().unwrap_or(0);
            norm.text.push('\n');
            norm.orig.push(prev);
        }
        let block_start = norm.text.len();
        for &(s, e) in block {
            for (i, &c) in chars[s..e].iter().enumerate() {
                let f = fold_char(c);
                norm.text.push(f);
                // Every byte of the folded character maps to the original character.
                norm.orig
                    .extend(std::iter::repeat_n((s + i) as u32, f.len_utf8()));
            }
        }
        split_sentences(
            &norm.text,
            block_start,
            norm.text.len(),
            &mut norm.sentences,
        );
    }
    bylines.sort_by_key(|b| b.span.start);
    let id = doc_id(text);
    Article {
        doc: Document {
            id,
            title,
            source: source.to_string(),
            text: text.to_string(),
        },
        norm,
        bylines,
    }
}

fn split_sentences(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let mut s = start;
    let seg = &text[start..end];
    let mut iter = seg.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_terminal(c) {
            let mut e = start + i + c.len_utf8();
            // Keep a closing quote with its sentence.
            while let Some(&(j, n)) = iter.peek() {
                if matches!(n, '”' | '"' | '’' | ')' | '）') {
                    e = start + j + n.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            push_trimmed(text, s, e, out);
            s = e;
        }
    }
    push_trimmed(text, s, end, out);
}

/// The longest heading, in characters, when it holds sentence punctuation.
const MAX_HEADING_CHARS: usize = 100;

/// The longest sentence, in characters. News sentences stay far below it (the sample's
/// longest is 183); text without sentence punctuation does not: a table, a list or a
/// tab-separated file pasted into the corpus was one "sentence" of a megabyte, and each of
/// its thousands of relations carried all of it as evidence (a 1 MB file gave 3.6 GB of
/// JSON and took 12 GB of memory).
pub const MAX_SENTENCE_CHARS: usize = 300;

/// Pushes `s..e` without its leading whitespace, cut into pieces of at most
/// [`MAX_SENTENCE_CHARS`]: each ends at the last space or clause mark (，、：, tab …) of its
/// window when that lies in the window's second half, else at the window's end.
fn push_trimmed(text: &str, mut s: usize, e: usize, out: &mut Vec<Range<usize>>) {
    loop {
        while s < e && text[s..].starts_with(char::is_whitespace) {
            s += text[s..].chars().next().map_or(1, char::len_utf8);
        }
        if s >= e {
            return;
        }
        let Some((limit, _)) = text[s..e].char_indices().nth(MAX_SENTENCE_CHARS) else {
            out.push(s..e);
            return;
        };
        let window = &text[s..s + limit];
        let half = window
            .char_indices()
            .nth(MAX_SENTENCE_CHARS / 2)
            .map_or(0, |(i, _)| i);
        let cut = window
            .char_indices()
            .rev()
            .take_while(|&(i, _)| i >= half)
            .find(|&(_, c)| c.is_whitespace() || matches!(c, '，' | ',' | '、' | '：' | ':'))
            .map_or(limit, |(i, c)| i + c.len_utf8());
        out.push(s..s + cut);
        s += cut;
    }
}

fn is_byline(line: &str) -> bool {
    let t = line.trim();
    // A byline is short: a long line behind a marker is a bullet of the article's text.
    let n = t.chars().count();
    if (t.starts_with('►') || t.starts_with('▶') || t.starts_with('■')) && n <= 40 {
        return true;
    }
    let short = n <= 40 && !t.contains('。') && !t.contains('，') && !t.contains(',');
    short
        && (t.contains("记者")
            || t.contains("通讯员")
            || t.starts_with("文/")
            || t.starts_with("摄影"))
}

/// Names of 2–4 ideographs in a byline, skipping role words.
fn byline_names(chars: &[char], s: usize, e: usize) -> Vec<Byline> {
    const ROLES: [&str; 8] = [
        "本报特约通讯员",
        "特约通讯员",
        "本报记者",
        "通讯员",
        "记者",
        "本报",
        "文/",
        "摄影",
    ];
    let mut out = Vec::new();
    let mut i = s;
    let roles: Vec<Vec<char>> = ROLES.iter().map(|r| r.chars().collect()).collect();
    while i < e {
        if let Some(r) = roles.iter().find(|r| chars[i..e].starts_with(r)) {
            i += r.len();
            continue;
        }
        if is_cjk(chars[i]) {
            let mut j = i;
            while j < e && is_cjk(chars[j]) {
                j += 1;
            }
            if (2..=4).contains(&(j - i)) {
                out.push(Byline {
                    name: chars[i..j].iter().collect(),
                    span: CharSpan { start: i, end: j },
                });
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// A picture caption: a short line with no punctuation at all.
fn is_caption(line: &str) -> bool {
    let n = line.chars().count();
    n <= 30
        && !line
            .chars()
            .any(|c| crate::lexicon::one_of("，,。；;！？!?：:、", c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_levels_of_characters_and_of_strings_agree() {
        let lines = [
            "",
            "#",
            "# ",
            "## 标题",
            "### 三级",
            "  ## 缩进",
            "\u{3000}# 全角空格",
            "#标题",
            "正文 # 不是",
            "##\t制表",
            "# ",
            "####",
            " ",
            "本报讯 ## 记者",
        ];
        for l in lines {
            let cs: Vec<char> = l.chars().collect();
            assert_eq!(heading_level_chars(&cs), heading_level(l), "{l:?}");
        }
        assert_eq!(
            heading_level_chars(&"## 标题".chars().collect::<Vec<_>>()),
            2
        );
    }

    fn one(text: &str) -> Article {
        split_articles(text, "t.txt").remove(0)
    }

    #[test]
    fn splits_on_headings_and_keeps_offsets() {
        let text = "\n## 甲高新区新闻\n\n► 张三 本报记者 李四\n\n甲高新区引进乙公司。\n\n## 第二篇\n\n内容在此。\n";
        let arts = split_articles(text, "f.txt");
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].doc.title, "甲高新区新闻");
        assert_eq!(arts[0].norm.text, "甲高新区引进乙公司。");
        let names: Vec<_> = arts[0].bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["张三", "李四"]);
        let a = &arts[1];
        let sp = a.norm.to_orig(0..a.norm.text.len());
        let orig: String = a
            .doc
            .text
            .chars()
            .skip(sp.start)
            .take(sp.end - sp.start)
            .collect();
        assert_eq!(orig, "内容在此。");
    }

    #[test]
    fn rejoins_words_broken_across_blank_lines() {
        let a = one("## 标题\n\n引进了康宁大健\n\n康产业基金等企业。\n");
        assert_eq!(a.norm.text, "引进了康宁大健康产业基金等企业。");
        // The joined word maps back across the break.
        let pos = a.norm.text.find("健康").unwrap();
        let sp = a.norm.to_orig(pos..pos + "健康".len());
        assert_eq!(sp.end - sp.start, 4, "健 + two newlines + 康");
    }

    #[test]
    fn caption_between_halves_is_kept_apart() {
        let a = one("## 标题\n\n芜湖航空职业\n\n\n\n位于高新区的小镇\n\n大学正在筹办。\n");
        assert_eq!(a.norm.text, "芜湖航空职业大学正在筹办。\n位于高新区的小镇");
        assert_eq!(a.norm.sentences.len(), 2);
    }

    #[test]
    fn drops_leads_and_signatures_and_folds_width() {
        let a =
            one("## 标题\n\n本报讯(特约通讯员 柯望舒) 近日，甲公司落户（乙）园区。\n\n闻笛舟\n");
        assert_eq!(a.norm.text, "近日,甲公司落户(乙)园区。");
        let names: Vec<_> = a.bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["柯望舒", "闻笛舟"]);
    }

    #[test]
    fn text_without_sentence_punctuation_is_cut_into_bounded_sentences() {
        // A tab-separated table: lines joined into one block, no sentence punctuation.
        let mut tsv = String::from("article\tsubject\tpredicate\tobject\trequired\n");
        for i in 1..400 {
            tsv.push_str(&format!("{i}\t青岚科技园区\tsettledIn\t光伏\ty\n"));
        }
        let a = one(&tsv);
        let n = a.norm.sentences.len();
        assert!(n > 20, "{n} sentences");
        let mut covered = 0;
        for (k, r) in a.norm.sentences.iter().enumerate() {
            let t = &a.norm.text[r.clone()];
            assert!(
                t.chars().count() <= MAX_SENTENCE_CHARS,
                "{}",
                t.chars().count()
            );
            // Cut after a tab, not inside a name, unless its block (a line or lines joined)
            // ended there.
            let block_end = a
                .norm
                .sentences
                .get(k + 1)
                .is_none_or(|x| a.norm.text[r.end..x.start].contains('\n'));
            assert!(t.ends_with('\t') || block_end, "{t:?}");
            covered += t.chars().filter(|c| !c.is_whitespace()).count();
        }
        // Nothing is lost between the pieces.
        let all = a.norm.text.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(covered, all);
        // A sentence of ordinary length is left whole.
        let b = one("青岚高新区，简称高新区，位于青岚市西部，是国家级高新区。");
        assert_eq!(b.norm.sentences.len(), 1);
    }

    #[test]
    fn a_long_line_behind_a_byline_marker_is_text() {
        let short = one("标题\n► 本报记者 王小明\n近日，青岚科技有限公司签约入驻青岚产业园。\n");
        assert_eq!(short.bylines.len(), 1);
        assert_eq!(short.bylines[0].name, "王小明");
        let bullet = format!(
            "标题\n► 本报记者 王小明 {}\n",
            "近日，青岚科技有限公司签约入驻青岚产业园。".repeat(30)
        );
        let long = one(&bullet);
        // Kept as sentences of the article, not read as a byline of 2–4-character names.
        assert!(long.bylines.is_empty());
        assert!(
            long.norm.sentences.len() >= 30,
            "{}",
            long.norm.sentences.len()
        );
    }

    #[test]
    fn an_article_on_its_heading_line_is_mined() {
        let body = "近日，青岚科技有限公司签约入驻青岚产业园。".repeat(8);
        let a = one(&format!("## 青岚产业园新闻 {body}\n"));
        assert!(a.doc.title.chars().count() <= 25, "{}", a.doc.title);
        assert!(a.norm.sentences.len() >= 8, "{}", a.norm.sentences.len());
        // A heading of ordinary length stays the title, and is not mined.
        let b = one("## 青岚产业园:一年引进企业20家\n近日，青岚科技有限公司签约入驻青岚产业园。\n");
        assert_eq!(b.doc.title, "青岚产业园:一年引进企业20家");
        assert_eq!(b.norm.sentences.len(), 1);
    }

    #[test]
    fn file_without_headings_is_one_article() {
        let arts = split_articles("标题一行\n正文第一句。正文第二句！\n", "x.txt");
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].doc.title, "标题一行");
        assert_eq!(arts[0].norm.sentences.len(), 2);
        assert_eq!(arts[0].doc.id.len(), 16);
    }
}
