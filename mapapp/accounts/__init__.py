"""Accounts: editors and admins who may write, their passwords (Argon2), the app's secret key,
and the history every write leaves. Reading needs no account."""
