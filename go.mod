module leitai

go 1.26.8

require (
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/yuin/goldmark v1.8.7
	golang.org/x/sys v0.13.0
	gopkg.in/yaml.v3 v3.0.1
)

require github.com/fsnotify/fsnotify v1.10.1

require golang.org/x/text v0.14.0 // indirect
