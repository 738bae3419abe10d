// The on-screen keyboard: Qt Virtual Keyboard's InputPanel, shown inside the kiosk's one window
// (a QQuickWidget at the bottom of the layout, so it never covers the focused field).
//
// The panel's height follows from its width (the style's aspect ratio): at the full width of a
// 1920 px screen it would be 600 px high, taller than the share of the screen the kiosk gives
// it, and its top row was cut off. So the widget sets `panelWidth` (what fits its share of the
// screen, ui/widgets/keyboard_panel.py), the panel is centred, and `keyboardHeight` tells the
// widget how tall to be.
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Rectangle {
    id: root
    property string locale: "ar_AR"
    // Set by the widget (0: as wide as the window). A plain value: a binding here would come
    // back at the next change of width and undo what the widget set.
    property real panelWidth: 0
    readonly property bool active: panel.active
    readonly property real keyboardHeight: panel.height
    // The style's proportions (the default style: 2560 × 800).
    readonly property real designRatio: panel.keyboard.style
        ? panel.keyboard.style.keyboardDesignHeight / panel.keyboard.style.keyboardDesignWidth
        : 0.3125
    color: "#263238"  // the default style's own background, on both sides of a centred panel
    onLocaleChanged: VirtualKeyboardSettings.locale = locale

    InputPanel {
        id: panel
        objectName: "inputPanel"
        width: root.panelWidth > 0 ? root.panelWidth : root.width
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        // The globe key switches straight to the other language. The built-in language list
        // opens above the keyboard, outside the widget, where nobody sees it, and swallowed
        // the next tap.
        externalLanguageSwitchEnabled: true
        onExternalLanguageSwitch: function (localeList, currentIndex) {
            root.locale = localeList[(currentIndex + 1) % localeList.length]
        }
    }

    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["ar_AR", "en_US"]
        VirtualKeyboardSettings.locale = root.locale
    }
}
