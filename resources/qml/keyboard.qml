// The on-screen keyboard: Qt Virtual Keyboard's InputPanel, shown inside the kiosk's one window
// (a QQuickWidget at the bottom of the layout, so it never covers the focused field).
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Item {
    id: root
    property string locale: "ar_AR"
    readonly property bool active: panel.active
    onLocaleChanged: VirtualKeyboardSettings.locale = locale

    InputPanel {
        id: panel
        objectName: "inputPanel"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
    }

    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["ar_AR", "en_US"]
        VirtualKeyboardSettings.locale = root.locale
    }
}
