"""s saves the article as markdown where config.toml says; | pipes it to a command."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from conftest import run_reader
from ui_helpers import main, opened

from tuireader.config import Config, load_config
from tuireader.ingest import exportformat
from tuireader.library.exporters import save_target
from tuireader.model import Article
from tuireader.ui.screens.article_files import ArticleFiles
from tuireader.ui.screens.pipe import PipeScreen


async def test_s_saves_the_article_read_as_markdown_with_front_matter(
    lib_path: Path, tmp_path: Path, notifications: list[str]
) -> None:
    template = str(tmp_path / "saved" / "{date}-{title}.md")
    with opened(lib_path) as library:
        async with run_reader(library, config=Config(save_path=template)) as reader:
            await reader.press("enter")
            await reader.settle()
            article = main(reader.app).story.article
            assert article is not None
            await reader.press("s")
            saved = await reader.wait_for(ArticleFiles.Saved)
    files = list((tmp_path / "saved").iterdir())
    assert files == [saved.path]
    assert saved.path.name.startswith(article.published[:10] + "-") and saved.path.suffix == ".md"
    text = saved.path.read_text(encoding="utf-8")
    assert text.startswith("---\n") and f'title: "{article.title}"' in text
    again = exportformat.parse_markdown(text)  # the markdown export's format: importable again
    assert (again.title, again.body, again.url) == (article.title, article.body, article.url)
    assert any(n == f"Saved to {saved.path}" for n in notifications)


async def test_s_in_the_list_saves_the_highlighted_row_to_the_documents_folder(lib_path: Path, home: Path) -> None:
    old = os.umask(0o022)
    try:
        with opened(lib_path) as library:
            async with run_reader(library) as reader:
                await reader.press("j", "s")
                saved = await reader.wait_for(ArticleFiles.Saved)
                highlighted = main(reader.app).article_list.current_id
                title = library.summary(highlighted).title  # type: ignore[arg-type,union-attr]
    finally:
        os.umask(old)
    assert saved.path.parent == home / "saved"  # $TUIREADER_HOME/saved; else the user's documents
    assert title in saved.path.read_text(encoding="utf-8")
    assert stat.S_IMODE(saved.path.stat().st_mode) == 0o644


def test_the_save_path_template_makes_safe_names(tmp_path: Path) -> None:
    article = Article(title="../../etc/passwd: Ärger über „Straße“ / Nacht?", published="2024-05-06T07:08", id=42)
    path = save_target(str(tmp_path / "{source}" / "{date}-{id}-{title}.md"), article)
    assert path.parent == tmp_path / "unknown"
    assert path.name == "2024-05-06-42-etc-passwd-arger-uber-strasse-nacht.md"
    assert save_target("~/x/{title}.md", article).parent == Path("~/x").expanduser()


def test_config_check_reports_a_bad_save_path(tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text('save_path = "~/Documents/{date}-{headline}.md"\n', encoding="utf-8")
    config = load_config(config_file)
    assert config.save_path is None
    assert any("{headline}" in p and "{title}" in p for p in config.problems)
    config_file.write_text('save_path = "~/Documents/tuireader/{date}-{title}.md"\n', encoding="utf-8")
    config = load_config(config_file)
    assert config.problems == [] and config.save_path == "~/Documents/tuireader/{date}-{title}.md"


async def test_pipe_sends_the_article_as_markdown_to_the_command(
    lib_path: Path, tmp_path: Path, notifications: list[str]
) -> None:
    out = tmp_path / "piped.md"
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            await reader.press("enter")
            await reader.settle()
            article = main(reader.app).story.article
            assert article is not None
            await reader.press("vertical_line")
            assert isinstance(reader.app.screen, PipeScreen)
            await reader.press(*f"tee {out} | wc -l", "enter")
            piped = await reader.wait_for(ArticleFiles.Piped)
            await reader.settle()
            assert piped.result.returncode == 0
            await reader.press("vertical_line")  # the last command is offered again
            assert reader.app.screen.query_one("#pipe-input").value == f"tee {out} | wc -l"
            await reader.press("escape")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("---\n") and article.title in text
    lines = text.count("\n")
    assert any(n == f"Piped to “tee {out} | wc -l”: {lines}" for n in notifications)


@pytest.mark.parametrize("command", ["exit 3"])
async def test_a_failing_pipe_command_is_reported(lib_path: Path, command: str, notifications: list[str]) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            await reader.press("vertical_line", *command, "enter")
            await reader.wait_for(ArticleFiles.Piped)
            await reader.settle()
    assert f"“{command}” ended with status 3" in notifications
