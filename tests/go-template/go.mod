module textgate.test/gotemplate

go 1.19
