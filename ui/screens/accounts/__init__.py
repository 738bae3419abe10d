"""Accounts: register (eight categories), log in, forgot/change password, profile, messages."""

from ui.screens.accounts.account import AccountScreen, ChangePasswordScreen
from ui.screens.accounts.login import ForgotPasswordScreen, LoginScreen
from ui.screens.accounts.messages import MessagesScreen
from ui.screens.accounts.profile import ProfileScreen
from ui.screens.accounts.register import RegisteredScreen, RegisterScreen

ACCOUNT_SCREENS = (
    LoginScreen,
    ForgotPasswordScreen,
    RegisterScreen,
    RegisteredScreen,
    AccountScreen,
    ChangePasswordScreen,
    ProfileScreen,
    MessagesScreen,
)

__all__ = ["ACCOUNT_SCREENS"]
