package tabular

import "errors"

func readDOCX(name string, data []byte, opts Options) ([]Table, error) {
	return nil, errors.New("todo")
}
