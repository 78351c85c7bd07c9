"""`chronotope users add|list|remove|passwd`: the accounts of editors and admins, where the app keeps
them (the data folder, or with `--database` the atlas's PostgreSQL database)."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from mapapp.cli.output import EXIT_BAD_INPUT, EXIT_FAILED, fail

CLI_ACTOR = "command line"
DATABASE = click.option("--database", metavar="URL", default=None, envvar="CHRONOTOPE_DATABASE_URL",
                        help="The accounts of the servers on this PostgreSQL database (postgresql://user@host/db). "
                             "Default: $CHRONOTOPE_DATABASE_URL, else the data folder's.")


@contextmanager
def _accounts(database: str | None) -> Iterator:
    """The accounts store the app would use with these settings; a one-line error when it fails."""
    import psycopg

    from mapapp.accounts import store
    from mapapp.atlas.postgres import shown_url
    from mapapp.settings import SettingsError, from_env, with_overrides

    try:
        settings = with_overrides(from_env(), {"DATABASE_URL": database} if database else None)
    except SettingsError as exc:
        fail(str(exc))
    where = store.accounts_location(settings.as_config())
    try:
        yield store.AccountsStore(where)
    except store.AccountError as exc:
        fail(str(exc), EXIT_BAD_INPUT)
    except psycopg.Error as exc:
        problem = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        fail(f"{shown_url(str(where))}: {problem}", EXIT_FAILED)


def _password(from_stdin: bool, confirm: bool = True) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=confirm)


@click.group("users")
def command() -> None:
    """Manage who may write: editors correct the map, admins also manage users."""


@command.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["reader", "editor", "admin"]), default="editor", show_default=True)
@click.option("--public-name", default=None, help="The name public pages show beside this user's corrections.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
@DATABASE
def add(name: str, role: str, public_name: str | None, password_stdin: bool, database: str | None) -> None:
    """Create the account NAME."""
    with _accounts(database) as accounts:
        accounts.add_user(name, role, _password(password_stdin), CLI_ACTOR, public_name)
    click.echo(f"added {name} ({role})")


@command.command("list")
@DATABASE
def list_(database: str | None) -> None:
    """List the accounts: name, role, public name."""
    with _accounts(database) as accounts:
        users = accounts.list_users()
    for user in users:
        click.echo(f"{user.name}\t{user.role}\t{user.public_name or ''}")


@command.command("remove")
@click.argument("name")
@DATABASE
def remove(name: str, database: str | None) -> None:
    """Remove the account NAME (its past changes stay in the history); it is logged out everywhere."""
    with _accounts(database) as accounts:
        accounts.remove_user(name, CLI_ACTOR)
    click.echo(f"removed {name}")


@command.command("passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the new password from the first line of stdin.")
@DATABASE
def passwd(name: str, password_stdin: bool, database: str | None) -> None:
    """Set a new password for NAME."""
    with _accounts(database) as accounts:
        accounts.set_password(name, _password(password_stdin), CLI_ACTOR)
    click.echo(f"password of {name} changed")
