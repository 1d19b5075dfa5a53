// Package chat mirrors the one type of Webitel's chat_manager that its templates see, so that
// error messages name it as the server does ("*chat.Account").
package chat

// Account is the context of the title, join and left templates (the server passes a pointer).
type Account struct {
	Id        int64
	Channel   string
	Contact   string
	FirstName string
	LastName  string
	Username  string
}
