"""The model's declared-once tables are complete."""

from __future__ import annotations

from medialit.model import SKILL_TITLES, Skill


def test_every_skill_has_a_title():
    assert set(SKILL_TITLES) == set(Skill)
    assert all(skill.heading.strip() for skill in Skill)
    assert len({skill.heading for skill in Skill}) == len(Skill)
