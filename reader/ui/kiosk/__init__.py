"""Kiosk mode: a full-screen, touch-first, forgetful reader for a shared screen."""
