"""Migrations in production, run for real on SQLite: expand/contract, named constraints, heads, stamp."""

import sqlalchemy as sa

from snippets.extensions import migrate_production as mp


def test_without_a_naming_convention_sqlite_keeps_no_name_and_batch_mode_cannot_drop_it():
    shown = mp.drop_the_unique_constraint(sa.MetaData())
    assert "in CREATE TABLE: UNIQUE (email)" in shown
    assert "[{'name': None, 'column_names': ['email']}]" in shown
    assert "ValueError: No such constraint: 'uq_account_email'" in shown


def test_with_the_convention_the_name_is_in_the_ddl_and_the_drop_works():
    shown = mp.drop_the_unique_constraint(sa.MetaData(naming_convention=mp.convention))
    assert "CONSTRAINT uq_account_email UNIQUE (email)" in shown
    assert "drop:            dropped, left: []" in shown
    assert "without a convention" in mp.named_or_not()
    assert mp.Account.__table__.metadata is mp.Base.metadata  # the models use the convention


def test_autogenerate_writes_the_convention_names_into_the_script():
    assert mp.first_script().splitlines() == [
        "    sa.PrimaryKeyConstraint('id', name=op.f('pk_account')),",
        "    sa.UniqueConstraint('email', name=op.f('uq_account_email'))",
    ]


def test_a_one_step_rename_breaks_the_release_still_running_and_expand_does_not():
    assert mp.deploys().splitlines() == [
        "rename in one step   -> the old release fails: table person has no column named name",
        "expand               -> the old release still inserts",
    ]


def test_two_heads_stop_upgrade_until_merged():
    steps = mp.merge_transcript().split("$ flask db ")[1:]
    first, phone, avatar, upgrade, heads, merge, upgrade_again, current = steps
    assert "(exit code 1)" in upgrade and "Multiple head revisions are present" in upgrade
    assert heads.splitlines()[1:] == ["  0002a (head)", "  0002b (head)"]
    assert "(exit code 0)" in merge and "0003_merge_phone_and_avatar.py" in merge
    assert "(exit code 0)" in upgrade_again
    assert "Running upgrade 0002a, 0002b -> 0003, merge phone and avatar" in upgrade_again
    assert "0003 (head) (mergepoint)" in current


def test_stamp_marks_an_existing_database_without_running_the_migration():
    steps = mp.stamp_transcript().split("$ flask db ")[1:]
    migrate, current_before, upgrade, stamp, current_after, upgrade_after = steps
    assert "(the tables are created with db.create_all())" in migrate
    assert current_before.strip() == "current    (exit code 0)"  # no revision recorded
    assert "(exit code 1)" in upgrade and "table account already exists" in upgrade
    assert "Running stamp_revision  -> 0001" in stamp
    assert "0001 (head)" in current_after
    assert upgrade_after.strip().splitlines()[0] == "upgrade    (exit code 0)"
    assert "Running upgrade" not in upgrade_after
