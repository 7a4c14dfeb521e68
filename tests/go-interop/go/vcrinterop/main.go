// Command vcrinterop writes go-vcr cassettes with Go's YAML libraries and reads
// cassettes back with them, for tapedeck's interoperability tests.
//
//	vcrinterop generate -n 1000 -seed 1 -classes words,lines -out DIR
//	vcrinterop load -reader v3|goccy FILE...
//	vcrinterop time -reader v3 -writer v3-marshal -runs 5 FILE
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	goccy "github.com/goccy/go-yaml"
	yaml "gopkg.in/yaml.v3"
)

// The writers, as go-vcr and its users call them; each file starts with "---\n" as go-vcr writes it.
var writers = map[string]func(*Cassette) ([]byte, error){
	"v3-marshal": func(c *Cassette) ([]byte, error) { return yaml.Marshal(c) },
	"v3-indent2": func(c *Cassette) ([]byte, error) {
		var out bytes.Buffer
		encoder := yaml.NewEncoder(&out)
		encoder.SetIndent(2)
		err := encoder.Encode(c)
		return out.Bytes(), err
	},
	"goccy": func(c *Cassette) ([]byte, error) { return goccy.Marshal(c) },
}

var readers = map[string]func([]byte, *Cassette) error{
	"v3":    func(data []byte, c *Cassette) error { return yaml.Unmarshal(data, c) },
	"goccy": func(data []byte, c *Cassette) error { return goccy.Unmarshal(data, c) },
}

var readerOf = map[string]string{"v3-marshal": "v3", "v3-indent2": "v3", "goccy": "goccy"}

func generate(args []string) error {
	flags := flag.NewFlagSet("generate", flag.ExitOnError)
	count := flags.Int("n", 100, "cassettes per writer")
	seed := flags.Int64("seed", 1, "random seed")
	classes := flags.String("classes", "", "value classes, comma-separated")
	out := flags.String("out", "", "output folder")
	flags.Parse(args)
	g := &generator{rand: rand.New(rand.NewSource(*seed)), classes: map[string]bool{}}
	for _, class := range strings.Split(*classes, ",") {
		g.classes[class] = true
	}
	index := map[string]map[string]string{}
	for name := range writers {
		index[name] = map[string]string{}
		if err := os.MkdirAll(filepath.Join(*out, name), 0o755); err != nil {
			return err
		}
	}
	values := map[string]interface{}{}
	for i := 0; i < *count; i++ {
		c := g.cassette()
		id := fmt.Sprint(i)
		values[id] = canonical(c)
		for name, write := range writers {
			data, err := safely(func() ([]byte, error) { return write(c) })
			if err != nil {
				index[name][id] = "write-error"
				continue
			}
			data = append([]byte("---\n"), data...)
			if err := os.WriteFile(filepath.Join(*out, name, id+".yaml"), data, 0o644); err != nil {
				return err
			}
			var back Cassette
			if err := readers[readerOf[name]](data, &back); err != nil {
				index[name][id] = "read-error"
			} else if !reflect.DeepEqual(canonical(&back), canonical(c)) {
				index[name][id] = "changed"
			} else {
				index[name][id] = "same"
			}
		}
	}
	return writeJSON(filepath.Join(*out, "index.json"), map[string]interface{}{"values": values, "writers": index})
}

// load reads each file with the reader and prints one JSON line per file: its values, or the error.
func load(args []string) error {
	flags := flag.NewFlagSet("load", flag.ExitOnError)
	reader := flags.String("reader", "v3", "v3 or goccy")
	flags.Parse(args)
	encoder := json.NewEncoder(os.Stdout)
	for _, file := range flags.Args() {
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		var c Cassette
		_, err = safely(func() ([]byte, error) { return nil, readers[*reader](data, &c) })
		// go-vcr's Load refuses any version but 2, and a null interaction is a nil pointer it would dereference.
		if err == nil && c.Version != 2 {
			err = fmt.Errorf("unsupported cassette version %d", c.Version)
		}
		for _, i := range c.Interactions {
			if err == nil && i == nil {
				err = fmt.Errorf("a null interaction")
			}
		}
		line := map[string]interface{}{"file": file}
		if err != nil {
			line["error"] = err.Error()
		} else {
			line["values"] = canonical(&c)
		}
		if err := encoder.Encode(line); err != nil {
			return err
		}
	}
	return nil
}

func safely(run func() ([]byte, error)) (data []byte, err error) {
	defer func() {
		if caught := recover(); caught != nil {
			err = fmt.Errorf("panic: %v", caught)
		}
	}()
	return run()
}

func writeJSON(path string, value interface{}) error {
	data, err := json.Marshal(value)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: vcrinterop generate|load ...")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "generate":
		err = generate(os.Args[2:])
	case "time":
		err = timeLoadSave(os.Args[2:])
	case "load":
		err = load(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
