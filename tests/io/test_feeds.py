"""RSS and Atom feeds: one document per entry with link, title, date and content; a summary-only
feed is counted; an empty feed and a feed that is an HTML page are one clear line each."""
from __future__ import annotations

import datetime as dt

from graph.io.base import SUMMARY_ONLY, ReadCounts, Skipped
from graph.io.documents import read_documents

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Ledger World</title><link>https://ledger.example/</link><language>en-gb</language>
<item><title>Talks resume in Istanbul</title><link>https://ledger.example/talks</link>
<guid>ledger-1</guid><pubDate>Wed, 30 Mar 2022 08:15:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Ukrainian and Russian negotiators met in Istanbul on Tuesday.</p>
<p>Russia said it would reduce its military activity near Kyiv.</p><script>alert(1)</script>]]></content:encoded></item>
<item><title>Grain deal extended</title><link>https://ledger.example/grain</link><guid>ledger-2</guid>
<content:encoded><![CDATA[<p>The grain initiative was extended on Thursday.</p>]]></content:encoded></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour</title><id>urn:harbour</id><updated>2022-11-17T09:00:00Z</updated>
<entry><title>Port reopens</title><id>urn:harbour:1</id><link href="https://harbour.example/port"/>
<published>2022-11-17T09:00:00Z</published><updated>2022-11-18T09:00:00Z</updated>
<summary>The port of Mykolaiv reopened on Thursday after talks with Turkey.</summary></entry>
</feed>"""


def read(*paths, **kw):
    counts = ReadCounts()
    return list(read_documents(paths, counts=counts, **kw)), counts


def test_rss_entries_are_documents(tmp_path):
    (tmp_path / "world.rss").write_text(RSS)
    (talks, grain), counts = read(tmp_path / "world.rss", date=dt.date(2022, 1, 1))
    assert (talks.title, talks.url, talks.date, talks.date_source) == (
        "Talks resume in Istanbul", "https://ledger.example/talks", dt.date(2022, 3, 30), "feed")
    assert talks.text == ("Ukrainian and Russian negotiators met in Istanbul on Tuesday.\n\n"
                          "Russia said it would reduce its military activity near Kyiv.")
    assert talks.source == f"{tmp_path / 'world.rss'}: entry 1" and talks.id.startswith("world-")
    assert (grain.date, grain.date_source) == (dt.date(2022, 1, 1), "default")
    assert counts[SUMMARY_ONLY] == 0


def test_ids_follow_the_entry_not_its_position(tmp_path):
    (tmp_path / "world.rss").write_text(RSS)
    (before, _), _ = read(tmp_path / "world.rss")
    newer = RSS.replace("<item>", "<item><title>New</title><guid>ledger-0</guid><description>New.</description></item><item>", 1)
    (tmp_path / "world.rss").write_text(newer)
    (_, again, _), _ = read(tmp_path / "world.rss")
    assert again.id == before.id and again.url == before.url


def test_atom_with_summary_only_is_counted(tmp_path):
    (tmp_path / "harbour.atom").write_text(ATOM)
    (doc,), counts = read(tmp_path / "harbour.atom")
    assert (doc.title, doc.url, doc.date) == ("Port reopens", "https://harbour.example/port", dt.date(2022, 11, 17))
    assert doc.text == "The port of Mykolaiv reopened on Thursday after talks with Turkey."
    assert counts[SUMMARY_ONLY] == 1


def test_xml_in_a_folder_is_read_only_when_it_is_a_feed(tmp_path):
    (tmp_path / "feed.xml").write_text(ATOM)
    (tmp_path / "timeml.xml").write_text("<?xml version='1.0'?><TimeML><TEXT>Hi.</TEXT></TimeML>")
    (doc,), _ = read(tmp_path)
    assert doc.title == "Port reopens"


def test_empty_feed_and_feed_that_is_html(tmp_path):
    (tmp_path / "empty.rss").write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></channel></rss>")
    (tmp_path / "page.rss").write_text("<!DOCTYPE html><html><body><p>Welcome to our site.</p></body></html>")
    items, _ = read(tmp_path / "empty.rss", tmp_path / "page.rss")
    assert [str(i) for i in items] == [f"{tmp_path / 'empty.rss'}: empty feed (no entries)",
                                       f"{tmp_path / 'page.rss'}: an HTML page, not an RSS or Atom feed"]
    assert all(isinstance(i, Skipped) and i.bad for i in items)
