"""Asking people: the prompter protocol and its questionary implementation, the interview, sessions."""
