"""`chronotope users add|list|remove|passwd`: the accounts of editors and admins."""
from __future__ import annotations

import sys

import click

from mapapp.cli.output import EXIT_BAD_INPUT, fail

CLI_ACTOR = "command line"


def _home():
    from mapapp.settings import SettingsError, from_env

    try:
        return from_env().HOME
    except SettingsError as exc:
        fail(str(exc))


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
def add(name: str, role: str, public_name: str | None, password_stdin: bool) -> None:
    """Create the account NAME."""
    from mapapp.accounts import store

    try:
        store.add_user(_home(), name, role, _password(password_stdin), CLI_ACTOR, public_name)
    except store.AccountError as exc:
        fail(str(exc), EXIT_BAD_INPUT)
    click.echo(f"added {name} ({role})")


@command.command("list")
def list_() -> None:
    """List the accounts: name, role, public name."""
    from mapapp.accounts import store

    for user in store.list_users(_home()):
        click.echo(f"{user.name}\t{user.role}\t{user.public_name or ''}")


@command.command("remove")
@click.argument("name")
def remove(name: str) -> None:
    """Remove the account NAME (its past changes stay in the history)."""
    from mapapp.accounts import store

    try:
        store.remove_user(_home(), name, CLI_ACTOR)
    except store.AccountError as exc:
        fail(str(exc), EXIT_BAD_INPUT)
    click.echo(f"removed {name}")


@command.command("passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the new password from the first line of stdin.")
def passwd(name: str, password_stdin: bool) -> None:
    """Set a new password for NAME."""
    from mapapp.accounts import store

    try:
        store.set_password(_home(), name, _password(password_stdin), CLI_ACTOR)
    except store.AccountError as exc:
        fail(str(exc), EXIT_BAD_INPUT)
    click.echo(f"password of {name} changed")
