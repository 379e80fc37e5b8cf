"""Users from the command line: ``python examples/webapp.py add-user …`` comes here."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence

from kemitraan.actors import Role
from kemitraan.store import Store
from webapp_security.users import UserError, Users


def main(argv: Sequence[str] | None = None) -> int:
    """``add-user``, ``set-password`` and ``deactivate-user``, on ``KEMITRAAN_STORE_URL``."""
    parser = argparse.ArgumentParser(prog="python examples/webapp.py")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add-user", help="make a user")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="the person's name (a signatory's as printed)")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument(
        "--acts-for", help="the institution's id (facilitator), the party's (signatory)"
    )
    add.add_argument(
        "--oversees", default="", help="a reviewer's institutions, by id, comma-separated"
    )
    setter = commands.add_parser("set-password", help="give a user a new password")
    setter.add_argument("username")
    commands.add_parser("deactivate-user", help="refuse a user").add_argument("username")
    for command in (add, setter):
        command.add_argument(
            "--password-stdin", action="store_true", help="read the password from standard input"
        )
    args = parser.parse_args(argv)
    store = Store(os.environ.get("KEMITRAAN_STORE_URL", "sqlite:///kemitraan.db"))
    try:
        users = Users(store.engine)
        if args.command == "deactivate-user":
            users.deactivate(args.username)
            print(f"{args.username}: deactivated; its tokens are refused from now on")
            return 0
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("password: ")
            if getpass.getpass("again: ") != password:
                print("the passwords differ", file=sys.stderr)
                return 2
        if args.command == "set-password":
            users.set_password(args.username, password)
            print(f"{args.username}: password set")
            return 0
        oversees = frozenset(i.strip() for i in args.oversees.split(",") if i.strip())
        user = users.add(
            args.username,
            password,
            name=args.name,
            role=args.role,
            acts_for=args.acts_for,
            oversees=oversees,
        )
        print(f"{user.username}: {user.actor.role.value} {user.actor.name!r} ({user.id})")
        return 0
    except UserError as exc:
        print(exc, file=sys.stderr)
        return 2
    finally:
        store.close()
