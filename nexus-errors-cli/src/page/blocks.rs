//! Stage 2 of reading a page: pulldown-cmark's events, reduced to the blocks an error page is
//! read from (headings, paragraphs, tables, list items), each as plain text.
//!
//! Plain text means what a reader sees: code spans, links and emphasis keep their text and
//! lose their markup, HTML entities and escaped pipes are already decoded by the parser, inline
//! HTML tags are dropped (a `<br>` becomes a space).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::prepass::Prepared;

/// A part of the page that the reader looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading; `quoted` when it sits in a blockquote (such as a site's banner).
    Heading {
        level: u8,
        text: String,
        quoted: bool,
    },
    /// A table: its header cells and its rows.
    Table(Table),
    /// One list item's own text (not that of lists nested in it).
    Item(Item),
    /// A paragraph outside lists and blockquotes.
    Paragraph(String),
}

/// A table as plain-text cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The header cells.
    pub header: Vec<String>,
    /// The body rows, each as wide as the header.
    pub rows: Vec<TableRow>,
    /// The 1-based page line of the header.
    pub line: usize,
}

/// A body row of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// The cells, trimmed.
    pub cells: Vec<String>,
    /// The 1-based page line the row starts on.
    pub line: usize,
}

/// A list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The item's text, whitespace collapsed.
    pub text: String,
    /// Which list it belongs to, numbered in page order: siblings share it.
    pub list: usize,
    /// How deeply its list is nested: 0 for a top-level list.
    pub depth: usize,
    /// The 1-based page line the item starts on.
    pub line: usize,
}

/// Where the walk is, between events.
#[derive(Default)]
struct Walk {
    blocks: Vec<Block>,
    /// Text collected for the innermost open heading, cell or item.
    text: Vec<String>,
    quotes: usize,
    /// The open lists, innermost last, by their number.
    lists: Vec<usize>,
    lists_seen: usize,
    /// The open items, as indexes into `blocks`, innermost last.
    items: Vec<usize>,
    table: Option<Table>,
    row: Vec<String>,
    row_line: usize,
}

/// Reads the blocks of a prepared page, in page order.
pub fn blocks(page: &Prepared) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut walk = Walk::default();
    for (event, range) in Parser::new_ext(&page.text, options).into_offset_iter() {
        let line = page.page_line(range.start);
        match event {
            Event::Start(tag) => walk.start(tag, line),
            Event::End(tag) => walk.end(tag),
            Event::Text(text) | Event::Code(text) => walk.push(&text),
            Event::SoftBreak | Event::HardBreak => walk.push(" "),
            Event::InlineHtml(html) if is_break(&html) => walk.push(" "),
            _ => {}
        }
    }
    walk.blocks
}

fn is_break(html: &str) -> bool {
    let tag: String = html
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    tag == "br"
}

impl Walk {
    fn start(&mut self, tag: Tag<'_>, line: usize) {
        match tag {
            Tag::Heading { .. } | Tag::TableCell => self.text.clear(),
            Tag::BlockQuote(_) => self.quotes += 1,
            Tag::List(_) => {
                self.close_item_text();
                self.lists_seen += 1;
                self.lists.push(self.lists_seen);
            }
            Tag::Item => {
                self.close_item_text();
                self.items.push(self.blocks.len());
                self.blocks.push(Block::Item(Item {
                    text: String::new(),
                    list: self.lists.last().copied().unwrap_or(0),
                    depth: self.lists.len().saturating_sub(1),
                    line,
                }));
            }
            Tag::Table(_) => {
                self.table = Some(Table {
                    header: Vec::new(),
                    rows: Vec::new(),
                    line,
                });
            }
            Tag::TableHead => self.row.clear(),
            Tag::TableRow => {
                self.row.clear();
                self.row_line = line;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(level) => {
                let text = collapse(&self.text.concat());
                self.text.clear();
                self.blocks.push(Block::Heading {
                    level: level as u8,
                    text,
                    quoted: self.quotes > 0,
                });
            }
            TagEnd::BlockQuote(_) => self.quotes = self.quotes.saturating_sub(1),
            TagEnd::Paragraph if self.items.is_empty() => {
                let text = collapse(&self.text.concat());
                self.text.clear();
                if self.quotes == 0 && !text.is_empty() {
                    self.blocks.push(Block::Paragraph(text));
                }
            }
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::Item => {
                self.close_item_text();
                self.items.pop();
            }
            TagEnd::TableCell => {
                self.row.push(collapse(&self.text.concat()));
                self.text.clear();
            }
            TagEnd::TableHead => self.end_head(),
            TagEnd::TableRow => self.end_row(),
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.blocks.push(Block::Table(table));
                }
            }
            _ => {}
        }
    }

    fn end_head(&mut self) {
        if let Some(table) = &mut self.table {
            table.header = std::mem::take(&mut self.row);
        }
    }

    fn end_row(&mut self) {
        if let Some(table) = &mut self.table {
            let mut cells = std::mem::take(&mut self.row);
            cells.resize(table.header.len(), String::new());
            table.rows.push(TableRow {
                cells,
                line: self.row_line,
            });
        }
    }

    fn push(&mut self, text: &str) {
        self.text.push(text.to_owned());
    }

    /// Gives the innermost open item the text collected since it (or its last nested list)
    /// started: an item's own text stops where a nested list begins.
    fn close_item_text(&mut self) {
        let text = collapse(&self.text.concat());
        self.text.clear();
        let Some(&index) = self.items.last() else {
            return;
        };
        if let Some(Block::Item(item)) = self.blocks.get_mut(index)
            && !text.is_empty()
        {
            if !item.text.is_empty() {
                item.text.push(' ');
            }
            item.text.push_str(&text);
        }
    }
}

/// Trims and collapses runs of whitespace to one space.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::prepass::prepare;

    fn read(page: &str) -> Vec<Block> {
        blocks(&prepare(page))
    }

    fn items(page: &str) -> Vec<(String, usize, usize)> {
        read(page)
            .into_iter()
            .filter_map(|block| match block {
                Block::Item(item) => Some((item.text, item.list, item.depth)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn paragraphs_outside_lists_and_quotes_are_read() {
        let page = "> A banner.\n\nThe *Acme* API\nuses codes.\n\n- An item.\n";
        let paragraphs: Vec<Block> = read(page)
            .into_iter()
            .filter(|block| matches!(block, Block::Paragraph(_)))
            .collect();
        assert_eq!(
            paragraphs,
            [Block::Paragraph("The Acme API uses codes.".into())]
        );
    }

    #[test]
    fn cells_become_plain_text() {
        let page = "| A | B |\n|---|---|\n| `4220` | See [the docs](https://x.test) *now* &amp; \\| then<br>more |\n";
        let blocks = read(page);
        let Some(Block::Table(table)) = blocks.first() else {
            panic!("no table in {blocks:?}");
        };
        assert_eq!(table.header, vec!["A", "B"]);
        assert_eq!(
            table.rows[0].cells,
            vec!["4220", "See the docs now & | then more"]
        );
        assert_eq!(table.rows[0].line, 3);
    }

    #[test]
    fn short_rows_are_padded_to_the_header() {
        let blocks = read("| A | B | C |\n|---|---|---|\n| 1 |\n");
        let Some(Block::Table(table)) = blocks.first() else {
            panic!("no table in {blocks:?}");
        };
        assert_eq!(table.rows[0].cells, vec!["1", "", ""]);
    }

    #[test]
    fn headings_know_whether_they_are_quoted() {
        let blocks = read("> ## Index\n> see llms.txt\n\n# HTTP `Errors`\n");
        assert_eq!(
            blocks,
            vec![
                Block::Heading {
                    level: 2,
                    text: "Index".into(),
                    quoted: true
                },
                Block::Heading {
                    level: 1,
                    text: "HTTP Errors".into(),
                    quoted: false
                },
            ]
        );
    }

    #[test]
    fn items_keep_their_own_text_and_list() {
        let page = "* intro:\n  * nested one\n  * nested two\n* after\n\nPara.\n\n- other list\n";
        assert_eq!(
            items(page),
            vec![
                ("intro:".to_owned(), 1, 0),
                ("nested one".to_owned(), 2, 1),
                ("nested two".to_owned(), 2, 1),
                ("after".to_owned(), 1, 0),
                ("other list".to_owned(), 3, 0),
            ]
        );
    }

    #[test]
    fn soft_breaks_in_items_become_spaces() {
        assert_eq!(
            items("- A\n422error with a4220code\n"),
            vec![("A 422error with a4220code".to_owned(), 1, 0)]
        );
    }
}
